namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Where the Neo4j server is and how to talk to it; bound from the "Neo4j" configuration section.</summary>
public sealed class Neo4jGraphStoreOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP root, e.g. http://127.0.0.1:7474; discovery starts from GET / there.</summary>
    public Uri? Uri { get; set; }

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Used by Neo4j 4.x and 5.x only; 3.x has a single database.</summary>
    public string Database { get; set; } = "neo4j";

    public int MaxRetryAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
