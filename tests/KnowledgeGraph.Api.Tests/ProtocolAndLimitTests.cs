using System.Net;
using System.Text;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The HTTP layer and the limits do not depend on the store; SQLite serves them.</summary>
public sealed class ProtocolAndLimitTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    [Fact]
    public async Task Post_answers_in_the_media_type_the_client_accepts()
    {
        var client = api.Client();
        var modern = await client.PostAsync(new { query = "{ stats { articles } }" });
        Assert.Equal("application/graphql-response+json", modern.MediaType);
        modern.Ok();

        var legacy = await client.PostAsync(new { query = "{ stats { articles } }" }, accept: "application/json");
        Assert.Equal("application/json", legacy.MediaType);
        legacy.Ok();

        var refused = await client.PostAsync(new { query = "{ stats { articles } }" }, accept: "text/csv");
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.Status);
        refused.SingleError("NOT_ACCEPTABLE");
    }

    [Fact]
    public async Task Variables_and_operation_names_select_what_runs()
    {
        var response = await api.Client().PostAsync(new
        {
            query = "query A { stats { articles } } query B($id: ID!) { entity(id: $id) { name } }",
            operationName = "B",
            variables = new { id = AiIndustryGraph.Anthropic },
        });
        Assert.Equal("Anthropic", response.Ok().GetProperty("entity").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_runs_queries_and_refuses_mutations()
    {
        var client = api.Factory.Client(ApiFactory.ApiKey);
        var query = Uri.EscapeDataString("query ($id: ID!) { entity(id: $id) { name } }");
        var variables = Uri.EscapeDataString("{\"id\":\"org:google\"}");
        var get = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}"));
        Assert.Equal("Google", get.Ok().GetProperty("entity").GetProperty("name").GetString());

        var mutation = Uri.EscapeDataString("mutation { deleteArticle(id: \"a:whatever\") }");
        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={mutation}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.Status);
        refused.SingleError("METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Malformed_requests_get_request_errors_with_codes()
    {
        var client = api.Client();
        var notJson = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
            { Content = new StringContent("{ stats { articles } }", Encoding.UTF8, "application/graphql") });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.Status);
        notJson.SingleError("UNSUPPORTED_MEDIA_TYPE");

        var brokenJson = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
            { Content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json") });
        Assert.Equal(HttpStatusCode.BadRequest, brokenJson.Status);
        brokenJson.SingleError("INVALID_JSON");

        var noQuery = await client.PostAsync(new { variables = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, noQuery.Status);
        noQuery.SingleError("QUERY_MISSING");

        var syntax = await client.QueryAsync("{ stats { articles }");
        Assert.Equal(HttpStatusCode.BadRequest, syntax.Status);
        Assert.False(syntax.Body.TryGetProperty("data", out _));
        syntax.SingleError("SYNTAX_ERROR");

        var unknownField = await client.QueryAsync("{ stats { nonsense } }");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.Status);
        unknownField.SingleError("FIELDS_ON_CORRECT_TYPE");

        var unknownFieldLegacy = await client.PostAsync(new { query = "{ stats { nonsense } }" }, accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, unknownFieldLegacy.Status);
        unknownFieldLegacy.SingleError("FIELDS_ON_CORRECT_TYPE");
    }

    [Fact]
    public async Task Deep_nesting_is_rejected_before_execution()
    {
        var nested = "{ entity(id: \"org:microsoft\") { " +
                     string.Concat(Enumerable.Repeat("relations { edges { node { subject { ", 4)) + "id" +
                     new string('}', 4 * 4) + " } }";
        var response = await api.Client().QueryAsync(nested);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("data", out _));
        Assert.Contains("depth", response.SingleError("COMPLEXITY"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Introspection_as_graphiql_sends_it_is_answered_despite_its_depth()
    {
        var response = await api.Client().QueryAsync("""
            query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { ...FullType } } }
            fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } }
              inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name } possibleTypes { ...TypeRef } }
            fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
            """);
        var types = response.Ok().GetProperty("__schema").GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Contains("Entity", types);

        var mixed = await api.Client().QueryAsync("""
            { __typename deep: entity(id: "org:microsoft") { relations { edges { node { subject { relations { edges { node {
              subject { relations { edges { node { id } } } } } } } } } } } } }
            """);
        mixed.SingleError("COMPLEXITY");
    }

    [Fact]
    public async Task Absurd_nesting_is_stopped_by_the_parser()
    {
        var query = new string('{', 5000) + new string('}', 5000);
        var response = await api.Client().QueryAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.Errors);
        Assert.False(response.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Alias_floods_are_rejected_before_execution()
    {
        var counter = new ApiFactory { CountStoreCalls = true };
        await using var factory = counter;
        var client = factory.Client();
        factory.Counter.Reset();
        var flood = "{ " + string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"a{i}: stats {{ articles }}")) + " }";

        var response = await client.QueryAsync(flood);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("aliases", response.SingleError("FIELD_SELECTION_LIMIT"));
        Assert.Equal(0, factory.Counter.Calls("GetStatsAsync"));
    }

    [Fact]
    public async Task Fragment_cycles_are_rejected_before_execution()
    {
        var response = await api.Client().QueryAsync("""
            { entity(id: "org:microsoft") { ...A } }
            fragment A on Entity { name relations { edges { node { subject { ...B } } } } }
            fragment B on Entity { id ...A }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.SingleError("NO_FRAGMENT_CYCLES");
    }

    [Fact]
    public async Task A_cycle_through_a_fragment_defined_twice_is_refused_before_validation()
    {
        var response = await api.Client().QueryAsync("""
            { entity(id: "org:microsoft") { ...A } }
            fragment A on Entity { name ...B }
            fragment B on Entity { id }
            fragment B on Entity { type ...A }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("'A'", response.SingleError("NO_FRAGMENT_CYCLES"));
    }

    [Fact]
    public async Task Too_complex_queries_are_rejected_before_execution()
    {
        var response = await api.Client().QueryAsync("""
            { entities(first: 500) { edges { node {
                relations(first: 500) { edges { node { evidence(first: 500) { edges { node { sentence { text } } } } } } }
            } } } }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("complex", response.SingleError("COMPLEXITY"));
    }

    [Fact]
    public async Task Pages_hold_at_most_500_items()
    {
        var response = await api.Client().QueryAsync("{ entities(first: 501) { totalCount } }");
        Assert.Contains("500", response.SingleError("PAGE_SIZE_EXCEEDED"));

        var zero = await api.Client().QueryAsync("{ deals(first: 0) { totalCount } }");
        zero.SingleError("BAD_ARGUMENT");
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_are_refused()
    {
        var padding = new string(' ', 1024 * 1024);
        var response = await api.Client().PostAsync(new { query = "{ stats { articles } }" + padding });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        response.SingleError("REQUEST_TOO_LARGE");
    }

    [Fact]
    public async Task Execution_past_the_time_limit_is_cut_off_with_a_timeout_error()
    {
        // The store answers only after a minute, far past the limit, so the outcome does not depend on the machine's speed.
        await using var factory = new ApiFactory { CountStoreCalls = true }.With("KG:Limits:ExecutionTimeout", "00:00:00.5");
        factory.Counter.StatsDelay = TimeSpan.FromMinutes(1);
        var response = await factory.Client().QueryAsync("{ stats { articles } }");
        Assert.NotEmpty(response.SingleError("TIMEOUT"));
    }

    [Fact]
    public async Task Health_reports_the_store_reachable()
    {
        using var http = api.Factory.CreateClient();
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }
}
