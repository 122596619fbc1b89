using System.Text.Json;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.Ingestion;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sqlite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Fuzz;

/// <summary>
/// Bytes as the body of POST /graphql, through the service's own endpoint without a server: body limits, JSON,
/// parsing, validation, limits, variable coercion and execution over an empty SQLite store. The API key is sent,
/// so mutations run too. A finding is an exception out of the endpoint, a response that is not GraphQL JSON, or a
/// field that failed with an unhandled exception (what a client sees as "Internal error").
/// </summary>
public sealed class GraphQLTarget : IFuzzTarget
{
    private const string ApiKey = "fuzz-key";
    private readonly IServiceProvider _services;
    private readonly GraphQLHttpEndpoint _endpoint;

    public GraphQLTarget()
    {
        var folder = Directory.CreateTempSubdirectory("kg-fuzz-graphql-");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<KnowledgeGraphOptions>().Configure(options =>
        {
            options.ApiKeys = [ApiKey];
            options.LoadSamples = false;
        });
        services.AddSingleton<IGraphStore>(new SqliteGraphStore(new SqliteGraphStoreOptions { Path = Path.Combine(folder.FullName, "graph.db") }));
        services.AddArticleIngestion();
        services.AddKnowledgeGraphQL(new QueryLimits());
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<ApiMetrics>();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IGraphStore>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        _endpoint = _services.GetRequiredService<GraphQLHttpEndpoint>();
        // The extractor loads its dictionaries on first use; loaded here, that cost is not charged to an input.
        ExtractorTarget.WarmUp(_services.GetRequiredService<IArticleExtractor>());
    }

    public void Run(byte[] input)
    {
        using var scope = _services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Headers.Accept = "application/graphql-response+json";
        http.Request.Headers[ApiKeyValidator.HeaderName] = ApiKey;
        http.Request.Body = new MemoryStream(input);
        http.Request.ContentLength = input.Length;
        var response = new MemoryStream();
        http.Response.Body = response;

        _endpoint.HandlePostAsync(http).GetAwaiter().GetResult();

        CheckResponse(http.Response.StatusCode, response.ToArray());
    }

    private static void CheckResponse(int status, byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (!root.TryGetProperty("errors", out var errors))
        {
            if (!root.TryGetProperty("data", out _))
                throw new InvariantBrokenException($"status {status}: neither data nor errors");
            return;
        }
        foreach (var error in errors.EnumerateArray())
        {
            var message = error.GetProperty("message").GetString() ?? "";
            if (message.StartsWith("Internal error", StringComparison.Ordinal) || message.Contains("Exception", StringComparison.Ordinal))
                throw new InvariantBrokenException($"status {status}: unhandled failure reached the client: {error}");
        }
    }
}
