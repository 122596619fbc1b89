using System.Net;
using System.Text;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Queries written to exhaust the service: each is refused before execution with a code that says why. How fast
/// they are refused is measured by benchmarks/hostile-queries.sh, not asserted here.
/// </summary>
public sealed class HostileQueryTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    [Fact]
    public async Task A_query_100_fields_deep_is_refused_by_the_parser()
    {
        var response = await api.Client().QueryAsync(HostileQueries.Depth(100));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.Contains("depth", response.SingleError("MAX_DEPTH_EXCEEDED"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_20_fields_deep_is_refused_by_the_depth_limit()
    {
        var response = await api.Client().QueryAsync(HostileQueries.Depth(20));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("depth", response.SingleError("COMPLEXITY"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ten_thousand_aliases_are_refused_without_touching_the_store()
    {
        await using var factory = new ApiFactory { CountStoreCalls = true };
        factory.Counter.Reset();

        var response = await factory.Client().QueryAsync(HostileQueries.Aliases(10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("aliases", response.SingleError("FIELD_SELECTION_LIMIT"));
        Assert.Equal(0, factory.Counter.Calls("GetStatsAsync"));
    }

    [Fact]
    public async Task Mutually_recursive_fragments_are_refused()
    {
        var response = await api.Client().QueryAsync(HostileQueries.FragmentCycle);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("A", response.SingleError("NO_FRAGMENT_CYCLES"));
    }

    [Fact]
    public async Task Fragments_that_double_at_every_level_are_refused()
    {
        var response = await api.Client().QueryAsync(HostileQueries.FragmentBomb(40));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.NotEmpty(response.Errors);
        Assert.All(response.ErrorCodes, code => Assert.NotEmpty(code));
    }

    [Fact]
    public async Task A_5_MB_query_is_refused_over_post()
    {
        var response = await api.Client().PostAsync(new { query = HostileQueries.Huge(5 * 1024 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("bytes", response.SingleError("REQUEST_TOO_LARGE"));
    }

    [Fact]
    public async Task A_5_MB_query_is_refused_over_get()
    {
        var query = Uri.EscapeDataString(HostileQueries.Huge(5 * 1024 * 1024));
        var response = await api.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + query));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("bytes", response.SingleError("REQUEST_TOO_LARGE"));
    }

    [Fact]
    public async Task Introspection_that_loops_through_types_and_fields_is_refused()
    {
        var response = await api.Client().QueryAsync(HostileQueries.IntrospectionLoop(6));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.Contains("introspection", response.SingleError("INTROSPECTION_TOO_DEEP"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Introspection_that_loops_through_fragments_is_refused()
    {
        var response = await api.Client().QueryAsync("""
            { __schema { types { ...T } } }
            fragment T on __Type { name fields { type { ...U } } }
            fragment U on __Type { fields { type { name } } }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.SingleError("INTROSPECTION_TOO_DEEP");
    }

    [Fact]
    public async Task Introspection_repeated_in_a_loop_keeps_being_answered()
    {
        var client = api.Client();
        for (var i = 0; i < 20; i++)
            Assert.Equal("Query", (await client.QueryAsync(HostileQueries.GraphiQLIntrospection)).Ok()
                .GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }
}
