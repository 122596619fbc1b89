using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

public enum TestStore { Sqlite, Neo4j }

/// <summary>
/// The Neo4j server that scripts/neo4j-test-server.sh starts. A missing server is a failure with directions,
/// never a silent skip.
/// </summary>
public static class Neo4jTestServer
{
    public const string Collection = "Neo4j server";

    public static string Uri =>
        Environment.GetEnvironmentVariable("KG_TEST_NEO4J_URI") is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                "KG_TEST_NEO4J_URI is not set, so the API tests over Neo4j cannot run. Start the test server with " +
                "`scripts/neo4j-test-server.sh start` and source the env file it prints, or run the tests through " +
                "`scripts/neo4j-test-server.sh run -- dotnet test tests/KnowledgeGraph.Api.Tests`.");

    /// <summary>Empties the one database the server has, so the next service starts on a clean graph.</summary>
    public static void Wipe()
    {
        using var http = new HttpClient { BaseAddress = new System.Uri(Uri), Timeout = TimeSpan.FromSeconds(60) };
        var commit = CommitPath(http);
        var statement = new { statements = new[] { new { statement = "MATCH (n) DETACH DELETE n" } } };
        using var response = http.PostAsJsonAsync(commit, statement).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("errors").GetArrayLength() > 0)
            throw new InvalidOperationException($"Emptying the Neo4j test database failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>Neo4j 3.x names its transaction endpoint under the "data" link of GET /; 4.x and later under "transaction".</summary>
    private static string CommitPath(HttpClient http)
    {
        var root = JsonDocument.Parse(http.GetStringAsync("/").GetAwaiter().GetResult()).RootElement;
        if (root.TryGetProperty("transaction", out var transaction))
            return transaction.GetString()!.Replace("{databaseName}", "neo4j") + "/commit";
        var data = root.GetProperty("data").GetString()!;
        return data.TrimEnd('/') + "/transaction/commit";
    }
}

[CollectionDefinition(Neo4jTestServer.Collection, DisableParallelization = true)]
public sealed class Neo4jServerCollection;
