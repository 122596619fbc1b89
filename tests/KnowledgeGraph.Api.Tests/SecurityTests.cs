using System.Net;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Api.Tests.Infrastructure.AiIndustryGraph;

namespace KnowledgeGraph.Api.Tests;

/// <summary>What SECURITY.md promises and the other test classes do not already show.</summary>
public sealed class SecurityTests
{
    private const string Secret = "s3cret-connection-string-password";

    [Fact]
    public async Task Keyless_mutations_never_reach_the_store_whichever_way_they_are_dressed()
    {
        await using var factory = await new ApiFactory { CountStoreCalls = true }.SeedAsync(All());
        var anonymous = factory.Client();
        factory.Counter.Reset();
        var article = MicrosoftInvestsInOpenAi().Id;

        var attempts = new (string Query, string? OperationName)[]
        {
            ("mutation { ingestArticles(inputs: [{ text: \"微软投资了OpenAI。\" }]) { articleId } }", null),
            ($"query Q {{ stats {{ articles }} }} mutation M {{ deleteArticle(id: \"{article}\") }}", "M"),
            ($"mutation {{ a: deleteArticle(id: \"{article}\") b: mergeEntities(keep: \"{MicrosoftId}\", drop: \"{MicrosoftAi}\") {{ id }} }}", null),
        };
        foreach (var (query, operationName) in attempts)
        {
            var response = await anonymous.QueryAsync(query, operationName: operationName);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            response.SingleError("UNAUTHORIZED");
        }
        // A key anywhere but the X-Api-Key header does not count.
        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = $"mutation {{ deleteArticle(id: \"{article}\") }}" }),
        };
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiFactory.ApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(bearer)).Status);

        Assert.Equal(0, factory.Counter.TotalCalls);
    }

    [Fact]
    public async Task With_no_keys_configured_every_mutation_is_refused()
    {
        await using var factory = new ApiFactory().With("KG:ApiKeys:0", "");
        foreach (var key in new[] { "", ApiFactory.ApiKey })
        {
            var response = await factory.Client(key).QueryAsync("mutation { ingestArticle(input: { text: \"微软投资了OpenAI。\" }) { articleId } }");
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        }
        Assert.Equal(0, (await factory.Client().QueryAsync("{ stats { articles } }")).Ok().GetProperty("stats").GetProperty("articles").GetInt64());
    }

    [Theory]
    [InlineData("key-one", true)]
    [InlineData("key-two", true)]
    [InlineData("key-on", false)]
    [InlineData("key-one ", false)]
    [InlineData("KEY-ONE", false)]
    [InlineData("key-onekey-two", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_configured_key_matches_exactly(string? presented, bool valid)
    {
        var options = new KnowledgeGraphOptions { ApiKeys = ["key-one", "", "key-two"] };
        var validator = new ApiKeyValidator(new StaticOptions(options));

        Assert.Equal(valid, validator.IsValid(presented));
    }

    [Fact]
    public async Task Outside_Development_a_failing_store_shows_clients_no_message_and_no_stack_trace()
    {
        await using var factory = new ApiFactory { CountStoreCalls = true };
        var client = factory.Client();
        using var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        factory.Counter.Failure = new InvalidOperationException($"connection failed: Password={Secret}");

        var graphql = await client.QueryAsync("{ stats { articles } entities(search: \"微软\", first: 5) { totalCount } }");
        var exportBody = await ExportOrAbortAsync(http);
        var health = await http.GetAsync("/health");
        var healthBody = await health.Content.ReadAsStringAsync();

        Assert.NotEmpty(graphql.Errors);
        Assert.All(graphql.Errors, e => Assert.Contains("server log", e.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        foreach (var body in new[] { graphql.Body.ToString(), exportBody, healthBody })
        {
            Assert.DoesNotContain(Secret, body);
            Assert.DoesNotContain("InvalidOperationException", body);
            Assert.DoesNotContain(" at KnowledgeGraph.", body);
        }
    }

    [Fact]
    public async Task Cross_origin_calls_are_refused_unless_their_origin_is_configured()
    {
        const string dashboard = "https://dashboard.example.org";
        await using var closed = new ApiFactory();
        await using var open = new ApiFactory().With("KG:Cors:AllowedOrigins:0", dashboard);

        Assert.Null(await AllowedOriginAsync(closed, dashboard));
        Assert.Null(await AllowedOriginAsync(open, "https://evil.example.net"));
        Assert.Equal(dashboard, await AllowedOriginAsync(open, dashboard));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", dashboard);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        using var answer = await open.CreateClient().SendAsync(preflight);
        Assert.Equal(dashboard, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public void A_wildcard_origin_is_refused_at_start_up()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var factory = new ApiFactory().With("KG:Cors:AllowedOrigins:0", "*");
            factory.CreateClient();
        });
        Assert.Contains("KG:Cors:AllowedOrigins", error.ToString());
    }

    /// <summary>
    /// An export streams, so a store failing once it has begun aborts the response: over a socket the client sees the
    /// connection end, while the in-process test host hands the client the server's exception object, which is not
    /// something a remote client could read. Either way the client must get no body carrying the error.
    /// </summary>
    private static async Task<string> ExportOrAbortAsync(HttpClient http)
    {
        try
        {
            using var export = await http.GetAsync("/export/json");
            Assert.Equal(HttpStatusCode.InternalServerError, export.StatusCode);
            return await export.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException aborted) when (aborted.InnerException is IOException)
        {
            return "";
        }
    }

    private static async Task<string?> AllowedOriginAsync(ApiFactory factory, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ stats { articles } }" }),
        };
        request.Headers.Add("Origin", origin);
        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private sealed class StaticOptions(KnowledgeGraphOptions value) : IOptionsMonitor<KnowledgeGraphOptions>
    {
        public KnowledgeGraphOptions CurrentValue => value;
        public KnowledgeGraphOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<KnowledgeGraphOptions, string?> listener) => null;
    }
}
