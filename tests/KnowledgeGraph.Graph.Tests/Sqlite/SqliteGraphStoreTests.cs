using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>The contract suite over a real SQLite file in a temp directory.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();
        return store;
    }

    public void Dispose() => _database.Dispose();
}
