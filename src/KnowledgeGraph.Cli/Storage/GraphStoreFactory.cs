using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Sqlite;

namespace KnowledgeGraph.Cli.Storage;

public static class GraphStoreFactory
{
    /// <summary>Opens and initialises the configured store; a misconfiguration is an error naming the setting.</summary>
    public static async Task<IGraphStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        IGraphStore store = settings.Store.Trim().ToLowerInvariant() switch
        {
            "sqlite" => OpenSqlite(settings.SqlitePath, settings.SqliteWriterCacheMegabytes),
            "neo4j" => OpenNeo4j(settings.Neo4j),
            _ => throw new InvalidOperationException($"store '{settings.Store}' is unknown; choose sqlite or neo4j"),
        };
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static SqliteGraphStore OpenSqlite(string path, int? writerCacheMegabytes)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException("the SQLite path is empty; pass --sqlite-path or set KG__Sqlite__Path");
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var options = new SqliteGraphStoreOptions { Path = fullPath };
        if (writerCacheMegabytes is { } megabytes) options.WriterCacheMegabytes = megabytes;
        return new SqliteGraphStore(options);
    }

    private static Neo4jGraphStore OpenNeo4j(Neo4jGraphStoreOptions options)
    {
        if (options.Uri is not { IsAbsoluteUri: true })
            throw new InvalidOperationException("the Neo4j address is missing; pass --neo4j-uri or set KG__Neo4j__Uri (e.g. http://127.0.0.1:7474)");
        return new Neo4jGraphStore(new HttpClient { Timeout = TimeSpan.FromMinutes(5) }, options);
    }
}
