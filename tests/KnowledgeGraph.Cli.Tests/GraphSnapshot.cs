using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sqlite;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>The canonical dump of a SQLite file, so two runs can be compared for equality.</summary>
public static class GraphSnapshot
{
    public static async Task<IReadOnlyList<string>> OfSqliteAsync(string databasePath)
    {
        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = databasePath });
        await store.InitializeAsync();
        return await GraphDump.CanonicalAsync(store);
    }
}
