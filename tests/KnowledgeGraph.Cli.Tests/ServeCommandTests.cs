using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg serve</c> as a user starts it: its own process on a loopback port, spoken to over plain HTTP.</summary>
public sealed class ServeCommandTests
{
    private const string Key = "serve-test-key";

    [Fact]
    public async Task Kg_serve_runs_the_graphql_service_over_the_store_its_options_name()
    {
        using var workspace = new TempWorkspace();
        var given = workspace.Database("given");
        await using var service = await ServiceProcess.StartAsync(new ServiceLaunch("kg.dll")
        {
            Arguments = ["serve", "--store", "sqlite", "--sqlite-path", given, "--KG:ApiKeys:0=" + Key],
            // Started elsewhere than beside kg: the shipped appsettings, samples and dashboard must still be found.
            WorkingDirectory = workspace.Root,
            Environment = new Dictionary<string, string> { ["KG__LoadSamples"] = "true" },
        }, TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // The option beat KG__Sqlite__Path from the environment, and the samples were loaded into that store.
        Assert.True(File.Exists(given), service.Output);
        Assert.False(File.Exists(service.DatabasePath), service.Output);
        var stats = await PostAsync(http, "{ stats { articles } entities(search: \"微软\") { edges { node { name } } } }");
        Assert.True(stats.GetProperty("stats").GetProperty("articles").GetInt64() >= 5, stats.ToString());
        Assert.Contains(stats.GetProperty("entities").GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("node").GetProperty("name").GetString() == "Microsoft");

        // A configuration argument passed through: the key it names opens mutations.
        var ingested = await PostAsync(http, """
            mutation { ingestArticle(input: { title: "测试", text: "2024年5月，深度求索发布了DeepSeek-V2模型。" }) { status } }
            """, Key);
        Assert.Equal("INSERTED", ingested.GetProperty("ingestArticle").GetProperty("status").GetString());

        Assert.Equal("text/html", (await http.GetAsync("/")).Content.Headers.ContentType?.MediaType);

        Assert.True(await service.StopAsync(TimeSpan.FromSeconds(30)), "kg serve did not stop on SIGTERM:\n" + service.Output);
        Assert.Equal(0, service.ExitCode);
    }

    [Fact]
    public async Task Kg_serve_with_an_unknown_store_says_so_and_fails()
    {
        var (exitCode, _, error) = await KgProcess.RunAsync(TimeSpan.FromSeconds(60), "serve", "--KG:Store=cassandra", "--urls", "http://127.0.0.1:0");
        Assert.Equal(ServeCommand.ExitStartFailed, exitCode);
        Assert.Contains("KG:Store is 'cassandra'", error);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string query, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }
}
