using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>Sends one kind of GraphQL query from several concurrent clients over loopback and times each answer.</summary>
public sealed class GraphQLLoad(HttpClient http, int concurrency, Func<TimeSpan>? serverCpuTime = null)
{
    public const string Lookup = "query ($id: ID!) { entity(id: $id) { id type name chineseName aliases degree } }";
    public const string Search = "query ($q: String!) { entities(search: $q, first: 20) { totalCount edges { node { id name } } } }";
    public const string TwoHops = "query ($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) { nodes { id name type } edges { type subject { id } object { id } } } }";

    /// <summary>The cheapest GraphQL request: validated and executed, no resolver of the schema runs.</summary>
    public const string TypeName = "{ __typename }";

    /// <summary>The liveness probe: through Kestrel, the middleware and routing to a fixed answer, without GraphQL.</summary>
    public Task<LoadResult> RunFixedAnswerAsync(string operation, int requests, CancellationToken cancellationToken) =>
        LoadRunner.RunAsync(operation, async (_, token) =>
        {
            using var response = await http.GetAsync("/health/live", token);
            await response.Content.ReadAsByteArrayAsync(token);
            return response.IsSuccessStatusCode;
        }, requests, concurrency, cancellationToken, serverCpuTime);

    public Task<LoadResult> RunAsync(string operation, string query, IReadOnlyList<Dictionary<string, object>> variables, int requests,
        CancellationToken cancellationToken) =>
        LoadRunner.RunAsync(operation, (i, token) => SendAsync(query, variables[i % variables.Count], token), requests, concurrency, cancellationToken,
            serverCpuTime);

    private async Task<bool> SendAsync(string query, Dictionary<string, object> variables, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables }, cancellationToken);
        if (!response.IsSuccessStatusCode) return false;
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return !document.RootElement.TryGetProperty("errors", out _);
    }
}
