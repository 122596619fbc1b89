using KnowledgeGraph.Graph.Neo4j;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

/// <summary>All Neo4j tests share the servers scripts/neo4j-test-server.sh starts, so they run one class at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jCollection
{
    public const string Name = "Neo4j server";
}

/// <summary>Reads where the test servers are. A missing server is a failure with directions, never a silent skip.</summary>
internal static class Neo4jTestServer
{
    private const string StartHint =
        "Start the Neo4j test servers first: `scripts/neo4j-test-server.sh start`, then source the env file it prints " +
        "(or run the tests through `scripts/neo4j-test-server.sh run -- dotnet test ...`).";

    public static Uri Uri => new(Required("KG_TEST_NEO4J_URI"));

    public static Neo4jGraphStoreOptions Options(int maxRetryAttempts = 5) =>
        new() { Uri = Uri, MaxRetryAttempts = maxRetryAttempts, RetryBaseDelay = TimeSpan.FromMilliseconds(50) };

    public static Neo4jGraphStoreOptions AuthOptions(string? password = null) => new()
    {
        Uri = new Uri(Required("KG_TEST_NEO4J_AUTH_URI")),
        User = Required("KG_TEST_NEO4J_AUTH_USER"),
        Password = password ?? Required("KG_TEST_NEO4J_AUTH_PASSWORD"),
        MaxRetryAttempts = 0,
    };

    /// <summary>Empties the database and applies the schema again, giving each test a store of its own.</summary>
    public static async Task<Neo4jGraphStore> FreshStoreAsync(HttpClient http)
    {
        var options = Options();
        await new CypherClient(http, options).RunAsync(new CypherStatement("MATCH (n) DETACH DELETE n"), CancellationToken.None);
        var store = new Neo4jGraphStore(http, options);
        await store.InitializeAsync();
        return store;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. {StartHint}");
}
