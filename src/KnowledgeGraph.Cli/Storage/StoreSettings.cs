using KnowledgeGraph.Graph.Neo4j;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Cli.Storage;

/// <summary>
/// Which graph store a command talks to. Read from the same keys as the service (KG:Store, KG:Sqlite:Path,
/// KG:Neo4j:Uri, User, Password, Database; KG__Store … as environment variables); command-line options win.
/// </summary>
public sealed class StoreSettings
{
    public const string DefaultSqlitePath = "./data/knowledgegraph.db";

    public string Store { get; set; } = "sqlite";
    public string SqlitePath { get; set; } = DefaultSqlitePath;

    /// <summary>The SQLite writer's page cache (KG:Sqlite:WriterCacheMegabytes); null keeps the store's default.</summary>
    public int? SqliteWriterCacheMegabytes { get; set; }
    public Neo4jGraphStoreOptions Neo4j { get; set; } = new();

    public bool IsSqlite => Store.Equals("sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Articles per store transaction in a bulk ingest unless told otherwise. SQLite writes every page a transaction
    /// touched at its commit, and new edges land all over the unique id index, so a larger batch writes each such page
    /// once for more edges: 1,000 instead of 200 articles cut the store's CPU per article by about a quarter over 60,000
    /// articles (docs/benchmarks.md, session 6). Neo4j keeps 200: one HTTP request carries the batch.
    /// </summary>
    public int DefaultBatchArticles => IsSqlite ? 1000 : 200;

    public static StoreSettings FromConfiguration(IConfiguration configuration)
    {
        var kg = configuration.GetSection("KG");
        var settings = new StoreSettings
        {
            Store = kg["Store"] ?? "sqlite",
            SqlitePath = kg["Sqlite:Path"] ?? DefaultSqlitePath,
            SqliteWriterCacheMegabytes = kg.GetValue<int?>("Sqlite:WriterCacheMegabytes"),
        };
        kg.GetSection(Neo4jGraphStoreOptions.SectionName).Bind(settings.Neo4j);
        return settings;
    }

    public static StoreSettings FromEnvironment() =>
        FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());
}
