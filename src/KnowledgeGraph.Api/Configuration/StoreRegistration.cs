using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Sqlite;

namespace KnowledgeGraph.Api.Configuration;

public static class StoreRegistration
{
    /// <summary>
    /// Registers the one IGraphStore the service talks to, chosen by KG:Store. Neo4j reads KG:Neo4j:Uri, User,
    /// Password and Database (KG__Neo4j__Uri … as environment variables).
    /// </summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfigurationSection kgSection,
        KnowledgeGraphOptions settings)
    {
        switch (settings.Store.Trim().ToLowerInvariant())
        {
            case "sqlite":
                services.AddSingleton<IGraphStore>(_ => new SqliteGraphStore(SqliteOptions(settings.Sqlite)));
                return services;
            case "neo4j":
                return services.AddNeo4jGraphStore(kgSection);
            default:
                throw new InvalidOperationException($"KG:Store is '{settings.Store}'; choose 'sqlite' (the embedded default) or 'neo4j'.");
        }
    }

    private static SqliteGraphStoreOptions SqliteOptions(SqliteSettings sqlite)
    {
        var options = new SqliteGraphStoreOptions { Path = SqlitePath(sqlite) };
        if (sqlite.WriterCacheMegabytes is { } megabytes) options.WriterCacheMegabytes = megabytes;
        return options;
    }

    /// <summary>The database file, its folder created so that a first run needs no preparation.</summary>
    private static string SqlitePath(SqliteSettings sqlite)
    {
        if (string.IsNullOrWhiteSpace(sqlite.Path))
            throw new InvalidOperationException("KG:Sqlite:Path is empty; name the database file, e.g. ./data/knowledgegraph.db.");
        var path = Path.GetFullPath(sqlite.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
