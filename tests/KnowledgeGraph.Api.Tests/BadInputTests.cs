using System.Net;
using System.Text;
using KnowledgeGraph.Api.Tests.Infrastructure;
using static KnowledgeGraph.Api.Tests.Infrastructure.AiIndustryGraph;

namespace KnowledgeGraph.Api.Tests;

public sealed class SqliteBadInputTests : BadInputTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jBadInputTests : BadInputTests
{
    protected override TestStore Store => TestStore.Neo4j;
}

/// <summary>
/// Bad input of every kind, sent with a valid key to a service over a seeded store: each request gets an error whose
/// code and message name the problem, and the store's full dump is the same afterwards.
/// </summary>
public abstract class BadInputTests
{
    protected abstract TestStore Store { get; }

    private const string Ingest = "mutation ($input: ArticleInput!) { ingestArticle(input: $input) { articleId } }";

    /// <summary>Sends each request to one seeded service and checks the store after every one of them.</summary>
    private async Task RefusedWithoutChange(params (Func<GraphQLClient, Task<GraphQLResponse>> Send, string Code, string Mentions)[] cases)
    {
        await using var factory = await new ApiFactory(Store).SeedAsync(All());
        var client = factory.Client(ApiFactory.ApiKey);
        var before = await StoreDump.TakeAsync(factory);
        foreach (var (send, code, mentions) in cases)
        {
            var response = await send(client);
            Assert.Contains(mentions, response.SingleError(code), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(before, await StoreDump.TakeAsync(factory));
        }
    }

    private static Func<GraphQLClient, Task<GraphQLResponse>> Raw(string body) => client =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    private static Func<GraphQLClient, Task<GraphQLResponse>> Query(string query, object? variables = null) =>
        client => client.QueryAsync(query, variables);

    private static Func<GraphQLClient, Task<GraphQLResponse>> IngestOf(object input) => Query(Ingest, new { input });

    [Fact]
    public Task Malformed_json_bodies_are_refused() => RefusedWithoutChange(
        (Raw("{\"query\": \"mutation { deleteArticle(id: \\\"x\\\") }\", "), "INVALID_JSON", "JSON"),
        (Raw("[{\"query\": \"{ stats { articles } }\"}]"), "INVALID_JSON", "JSON"),
        (Raw("\"mutation { deleteArticle(id: \\\"x\\\") }\""), "INVALID_JSON", "JSON"),
        (Raw("{\"query\": \"{ stats { articles } }\"} trailing"), "INVALID_JSON", "JSON"),
        (Raw("{\"query\": 42}"), "INVALID_JSON", "JSON"),
        (Raw("{\"query\": \"" + Ingest + "\", \"variables\": {\"input\": {\"text\": \"微软\", \"url\": \"https://a.test/1\", \"url\": \"https://a.test/2\"}}}"), "INVALID_JSON", "url"),
        (Raw("null"), "QUERY_MISSING", "query"));

    [Fact]
    public Task Syntax_errors_are_refused_wherever_the_lines_break() => RefusedWithoutChange(
        (Query("mutation { mergeEntities(keap: \rg:b\") { id } }"), "SYNTAX_ERROR", "parsing query"),
        (Query("{ __schema { qu\ryType name } }\r\n}"), "SYNTAX_ERROR", "parsing query"),
        (Query("mutation {\n deleteArticle(id: \"x\"\r"), "SYNTAX_ERROR", "parsing query"));

    [Fact]
    public Task Variables_of_the_wrong_type_are_refused() => RefusedWithoutChange(
        (Raw("{\"query\": \"" + Ingest + "\", \"variables\": \"input\"}"), "INVALID_JSON", "variables"),
        (Raw("{\"query\": \"" + Ingest + "\", \"variables\": [1, 2]}"), "INVALID_JSON", "variables"),
        (IngestOf(new { text = 42 }), "INVALID_VALUE", "text"),
        (IngestOf(new { text = new[] { "微软投资了OpenAI。" } }), "INVALID_VALUE", "text"),
        (Query("query ($n: Int) { entities(first: $n) { totalCount } }", new { n = "ten" }), "INVALID_VALUE", "$n"),
        (Query("query ($n: Int) { entities(first: $n) { totalCount } }", new { n = 1.5 }), "INVALID_VALUE", "$n"));

    [Fact]
    public Task Unknown_fields_are_refused() => RefusedWithoutChange(
        (Query("mutation { ingestArticle(input: { text: \"微软投资了OpenAI。\", colour: \"red\" }) { articleId } }"), "ARGUMENTS_OF_CORRECT_TYPE", "colour"),
        (IngestOf(new { text = "微软投资了OpenAI。", colour = "red" }), "INVALID_VALUE", "colour"),
        (Query("mutation { ingestArticle(input: { text: \"微软投资了OpenAI。\" }) { articleId nonsense } }"), "FIELDS_ON_CORRECT_TYPE", "nonsense"),
        (Query("mutation { deleteArticle(id: \"x\", cascade: true) }"), "KNOWN_ARGUMENT_NAMES", "cascade"),
        (Query("mutation { dropEverything }"), "FIELDS_ON_CORRECT_TYPE", "dropEverything"));

    [Fact]
    public Task Huge_strings_are_refused() => RefusedWithoutChange(
        (IngestOf(new { text = new string('微', 2 * 1024 * 1024) }), "REQUEST_TOO_LARGE", "bytes"),
        (IngestOf(new { text = "微软投资了OpenAI。", title = new string('标', 100_000) }), "BAD_ARGUMENT", "title"),
        (Query("query ($q: String) { entities(search: $q) { totalCount } }", new { q = new string('a', 100_000) }), "BAD_ARGUMENT", "search"),
        (Query("query ($id: ID!) { entity(id: $id) { name } }", new { id = new string('x', 100_000) }), "BAD_ARGUMENT", "id"),
        (Query("mutation ($id: ID!) { deleteArticle(id: $id) }", new { id = new string('x', 100_000) }), "BAD_ARGUMENT", "id"));

    [Fact]
    public Task Ten_thousand_aliased_or_batched_ingests_are_refused() => RefusedWithoutChange(
        (Query("mutation { " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i =>
            $"a{i}:ingestArticle(input:{{text:\"{i}\"}}){{articleId}}")) + " }"), "FIELD_SELECTION_LIMIT", "aliases"),
        (Query("mutation ($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { articleId } }",
            new { inputs = Enumerable.Range(0, 10_000).Select(i => new { text = $"公司{i}投资了OpenAI。" }) }), "BAD_ARGUMENT", "10000"));

    [Fact]
    public Task Control_characters_and_unpaired_surrogates_are_refused() => RefusedWithoutChange(
        (IngestOf(new { text = "微软投资了OpenAI。", title = "微软\u0000投资" }), "BAD_ARGUMENT", "title"),
        (IngestOf(new { text = "微软\u0007投资了\u001bOpenAI。" }), "BAD_ARGUMENT", "control character"),
        (Raw("{\"query\": \"" + Ingest + "\", \"variables\": {\"input\": {\"text\": \"微软投资了\\ud800OpenAI。\"}}}"), "INVALID_JSON", "surrogate"),
        (Raw("{\"query\": \"" + Ingest + "\", \"variables\": {\"input\": {\"text\": \"微软投资了OpenAI。\", \"title\": \"\\udfff\"}}}"), "INVALID_JSON", "surrogate"),
        (Query("query ($q: String) { entities(search: $q) { totalCount } }", new { q = "微\u0000软" }), "BAD_ARGUMENT", "control character"),
        (Raw("{\"query\": \"query ($id: ID!) { entity(id: $id) { name } }\", \"variables\": {\"id\": \"org:\\udc00\"}}"), "INVALID_JSON", "surrogate"),
        (Query("{ entities(search: \"微\\ud800软\") { totalCount } }"), "BAD_ARGUMENT", "surrogate"),
        (Query("mutation { ingestArticle(input: { text: \"微软投资了\\udc00OpenAI。\" }) { articleId } }"), "BAD_ARGUMENT", "surrogate"));

    [Fact]
    public Task Impossible_dates_are_refused() => RefusedWithoutChange(
        (IngestOf(new { text = "微软投资了OpenAI。", publishedAt = "2024-02-30T10:00:00Z" }), "INVALID_VALUE", "2024-02-30"),
        (Query("mutation { ingestArticle(input: { text: \"微软投资了OpenAI。\", publishedAt: \"2023-13-01\" }) { articleId } }"), "ARGUMENTS_OF_CORRECT_TYPE", "2023-13-01"),
        (Query("{ deals(from: \"2024-02-30\") { totalCount } }"), "BAD_ARGUMENT", "2024-02-30"),
        (Query("{ relations(to: \"2023-02-29\") { totalCount } }"), "BAD_ARGUMENT", "2023-02-29"),
        (Query("{ relations(from: \"yesterday\") { totalCount } }"), "BAD_ARGUMENT", "yesterday"),
        (Query($"{{ entity(id: \"{OpenAi}\") {{ deals(to: \"2024-04-31\") {{ totalCount }} }} }}"), "BAD_ARGUMENT", "2024-04-31"),
        (Query("{ articles(publishedFrom: \"2024-02-30T00:00:00Z\") { totalCount } }"), "ARGUMENTS_OF_CORRECT_TYPE", "2024-02-30"));

    [Fact]
    public Task Overflowing_numbers_are_refused() => RefusedWithoutChange(
        (Query("{ deals(minAmount: 79228162514264337593543950336) { totalCount } }"), "ARGUMENTS_OF_CORRECT_TYPE", "79228162514264337593543950336"),
        (Query("query ($m: Decimal) { deals(minAmount: $m) { totalCount } }", new { m = "1e400" }), "INVALID_VALUE", "$m"),
        (Raw("{\"query\": \"query ($m: Decimal) { relations(maxAmount: $m) { totalCount } }\", \"variables\": {\"m\": 1e400}}"), "INVALID_VALUE", "$m"),
        (Query("{ entities(first: 2147483648) { totalCount } }"), "ARGUMENTS_OF_CORRECT_TYPE", "2147483648"),
        (Query("query ($n: Int) { entities(first: $n) { totalCount } }", new { n = 1e12 }), "INVALID_VALUE", "$n"),
        (Query("{ deals(minConfidence: 1e400) { totalCount } }"), "ARGUMENTS_OF_CORRECT_TYPE", "minConfidence"),
        (Query("{ stats(top: -2147483648) { articles } }"), "BAD_ARGUMENT", "top"));

    [Fact]
    public Task Invalid_cursors_are_refused() => RefusedWithoutChange(
        (Query("{ entities(after: \"not a cursor\") { totalCount } }"), "BAD_CURSOR", "not a cursor"),
        (Query("{ relations(after: \"AAAA\") { totalCount } }"), "BAD_CURSOR", "AAAA"),
        (Query("{ deals(after: \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"k\":[1e999]}")) + "\") { totalCount } }"), "BAD_CURSOR", "cursor"),
        (Query("{ articles(after: \"" + new string('=', 5000) + "\") { totalCount } }"), "BAD_ARGUMENT", "after is 5000 characters"),
        (Query($"{{ entity(id: \"{MicrosoftId}\") {{ relations(after: \"\\u0000\") {{ totalCount }} }} }}"), "BAD_ARGUMENT", "control character"));

    [Fact]
    public async Task A_cursor_from_one_list_is_refused_by_another()
    {
        await using var factory = await new ApiFactory(Store).SeedAsync(All());
        var client = factory.Client(ApiFactory.ApiKey);
        var before = await StoreDump.TakeAsync(factory);
        var entityCursor = (await client.QueryAsync("{ entities(first: 1) { pageInfo { endCursor } } }")).Ok()
            .GetProperty("entities").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var response = await client.QueryAsync("query ($c: String) { deals(after: $c) { totalCount } }", new { c = entityCursor });

        Assert.Contains("cursor", response.SingleError("BAD_CURSOR"));
        Assert.Equal(before, await StoreDump.TakeAsync(factory));
    }

    [Fact]
    public Task Ids_of_the_wrong_type_are_refused() => RefusedWithoutChange(
        (Query("{ entity(id: true) { name } }"), "ARGUMENTS_OF_CORRECT_TYPE", "id"),
        (Query("{ entity(id: { key: 1 }) { name } }"), "ARGUMENTS_OF_CORRECT_TYPE", "id"),
        (Query("query ($id: ID!) { entity(id: $id) { name } }", new { id = new[] { MicrosoftId } }), "INVALID_VALUE", "$id"),
        (Query("{ entity(id: 42) { name } }"), "NOT_FOUND", "42"),
        (Query($"mutation {{ deleteArticle(id: \"{MicrosoftId}\") }}"), "NOT_FOUND", MicrosoftId),
        (Query($"mutation {{ mergeEntities(keep: \"{MicrosoftId}\", drop: \"{MicrosoftInvestsInOpenAi().Id}\") {{ id }} }}"), "NOT_FOUND", MicrosoftInvestsInOpenAi().Id),
        (Query($"{{ neighbourhood(id: \"{MicrosoftInvestsInOpenAi().Id}\") {{ nodes {{ id }} }} }}"), "NOT_FOUND", MicrosoftInvestsInOpenAi().Id));
}
