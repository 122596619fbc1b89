using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Uses the service the way a notebook does: a running server on a loopback port, plain HTTP POSTs of JSON text,
/// JSON parsed from the answer. Nothing here shares memory with the server.
/// </summary>
public sealed class NotebookTests
{
    private const string Key = "notebook-key";

    private static async Task<JsonElement> Post(HttpClient http, string json, string? apiKey = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_notebook_posts_json_to_the_running_service_and_reads_the_graph()
    {
        await using var service = await ServiceProcess.StartAsync(new ServiceLaunch(ServiceLaunch.Api)
        {
            Environment = new Dictionary<string, string> { ["KG__ApiKeys__0"] = Key, ["KG__LoadSamples"] = "true" },
        }, TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // The sample articles were loaded on first start, so there is a graph at once.
        var stats = await Post(http, """{"query":"{ stats(top: 3) { articles mostConnected { id name } } }"}""");
        Assert.True(stats.GetProperty("data").GetProperty("stats").GetProperty("articles").GetInt64() >= 5, stats.ToString());

        var search = await Post(http, """
            {"query":"query Find($q: String) { entities(search: $q, first: 5) { totalCount edges { node { id name type } } } }",
             "variables":{"q":"微软"},"operationName":"Find"}
            """);
        var first = search.GetProperty("data").GetProperty("entities").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal("org:microsoft", first.GetProperty("id").GetString());

        var deals = await Post(http, """
            {"query":"{ deals(kinds: [INVESTED_IN], minAmount: 1000000000, first: 50) { edges { node { amount currency parties { role entity { name } } } } } }"}
            """);
        Assert.NotEmpty(deals.GetProperty("data").GetProperty("deals").GetProperty("edges").EnumerateArray());

        var refused = await Post(http, """{"query":"mutation { deleteArticle(id: \"a:x\") }"}""", expected: HttpStatusCode.Unauthorized);
        Assert.Equal("UNAUTHORIZED", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var ingested = await Post(http, """
            {"query":"mutation ($a: ArticleInput!) { ingestArticle(input: $a) { status entities { id } } }",
             "variables":{"a":{"title":"英伟达投资Mistral AI","text":"法国人工智能初创公司Mistral AI完成新一轮融资，英伟达参与了本轮投资。","publishedAt":"2023-12-11T16:30:00Z"}}}
            """, Key);
        Assert.Equal("INSERTED", ingested.GetProperty("data").GetProperty("ingestArticle").GetProperty("status").GetString());

        Assert.True(await service.WaitForOutputAsync("GraphQL POST", TimeSpan.FromSeconds(30)), "no request log line:\n" + service.Output);
    }
}
