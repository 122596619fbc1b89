using System.Net;
using System.Text;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

/// <summary>Answers HTTP requests from a script, recording them, to test what a real server cannot be made to do.</summary>
internal sealed class FakeNeo4jHandler(Func<HttpRequestMessage, string, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.AbsolutePath, body));
        return answer(request, body);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>What GET / answers on Neo4j 5.</summary>
    public const string Neo4j5Root = """
        {"bolt_routing":"neo4j://localhost:7687","transaction":"http://localhost:7474/db/{databaseName}/tx",
         "bolt_direct":"bolt://localhost:7687","neo4j_version":"5.26.0","neo4j_edition":"community"}
        """;

    public const string EmptyResults = """{"results":[],"errors":[]}""";

    public const string NoRows = """{"results":[{"columns":["x"],"data":[]}],"errors":[]}""";

    public const string OneResult = """{"results":[{"columns":["x"],"data":[{"row":[1],"meta":[null]}]}],"errors":[]}""";
}
