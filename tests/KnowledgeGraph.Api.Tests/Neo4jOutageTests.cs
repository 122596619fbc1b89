using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The service over Neo4j while the Neo4j server is SIGKILLed and restarted: /health turns Degraded (503) and back to
/// Healthy by itself, requests fail with a clear code while the store is away, and nothing needs restarting afterwards.
/// </summary>
[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jOutageTests
{
    private const string Ingest = "mutation ($text: String!) { ingestArticle(input: { title: \"outage\", text: $text }) { articleId status } }";

    [Fact]
    public async Task Health_turns_degraded_while_Neo4j_is_down_and_recovers_on_its_own()
    {
        await using var factory = new ApiFactory(TestStore.Neo4j);
        using var http = factory.CreateClient();
        var client = factory.Client(ApiFactory.ApiKey);
        Assert.Equal(("Healthy", HttpStatusCode.OK), await HealthAsync(http));
        // The first ingest loads the extractor's dictionaries; done before the outage so that only the store is slow to fail.
        (await client.QueryAsync(Ingest, new { text = "谷歌收购了DeepMind。" })).Ok();

        await Neo4jServerControl.KillAsync();
        try
        {
            var (status, code) = await HealthAsync(http);
            Assert.Equal(("Degraded", HttpStatusCode.ServiceUnavailable), (status, code));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
            var refused = await client.QueryAsync(Ingest, new { text = "微软投资了OpenAI。" });
            Assert.Contains("unavailable", refused.SingleError("STORE_UNAVAILABLE"));
            Assert.False(refused.HasData);
        }
        finally
        {
            await Neo4jServerControl.ResumeAsync();
        }

        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await HealthAsync(http) != ("Healthy", HttpStatusCode.OK) && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.Equal(("Healthy", HttpStatusCode.OK), await HealthAsync(http));
        var stored = (await client.QueryAsync(Ingest, new { text = "微软投资了OpenAI。" })).Ok();
        Assert.Equal("INSERTED", stored.GetProperty("ingestArticle").GetProperty("status").GetString());
        Assert.Equal(2, (await client.QueryAsync("{ stats { articles } }")).Ok().GetProperty("stats").GetProperty("articles").GetInt64());
    }

    private static async Task<(string Status, HttpStatusCode Code)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("status").GetString()!, response.StatusCode);
    }
}
