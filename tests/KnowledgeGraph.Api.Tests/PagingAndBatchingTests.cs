using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

public sealed class SqlitePagingAndBatchingTests : PagingAndBatchingTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jPagingAndBatchingTests : PagingAndBatchingTests
{
    protected override TestStore Store => TestStore.Neo4j;
}

public abstract class PagingAndBatchingTests
{
    protected abstract TestStore Store { get; }

    private ApiFactory NewApi() => new(Store);

    private const string Fund = "org:big-fund";

    /// <summary>One article per startup: the fund invests in it, and it develops a product.</summary>
    private static NewsArticle Startup(int i) =>
        new NewsArticle($"https://news.test/startups/{i}", new DateTime(2023, 1, 1).AddDays(i), $"初创公司{i}完成融资")
            .Entity(Fund, "Organization", "Big Fund", "大基金")
            .Entity($"org:startup-{i:000}", "Organization", $"Startup {i:000}", $"初创{i:000}")
            .Entity($"prod:product-{i:000}", "Product", $"Product {i:000}", null)
            .Deal("INVESTED_IN", Fund, "investor", $"org:startup-{i:000}", "investee", $"大基金投资了初创{i:000}。",
                amount: 1_000_000m * (i + 1), currency: "USD", date: $"2023-{1 + i % 12:00}")
            .Relation("DEVELOPS", $"org:startup-{i:000}", $"prod:product-{i:000}", $"初创{i:000}推出了Product {i:000}。");

    private static async Task<List<string>> PageToTheEnd(GraphQLClient client, string query, Func<JsonElement, JsonElement> connectionOf,
        int pageSize, object? extraVariables = null)
    {
        var seen = new List<string>();
        string? after = null;
        int? total = null;
        for (var page = 0; page < 1000; page++)
        {
            var variables = new Dictionary<string, object?> { ["first"] = pageSize, ["after"] = after };
            foreach (var property in extraVariables?.GetType().GetProperties() ?? [])
                variables[property.Name] = property.GetValue(extraVariables);
            var connection = connectionOf((await client.QueryAsync(query, variables)).Ok());
            total ??= connection.GetProperty("totalCount").GetInt32();
            var edges = connection.GetProperty("edges").EnumerateArray().ToList();
            Assert.True(edges.Count <= pageSize);
            seen.AddRange(edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            var info = connection.GetProperty("pageInfo");
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(total, seen.Count);
                return seen;
            }
            after = info.GetProperty("endCursor").GetString();
            Assert.Equal(edges[^1].GetProperty("cursor").GetString(), after);
        }
        throw new Xunit.Sdk.XunitException("paging did not end");
    }

    [Fact]
    public async Task Every_connection_pages_to_the_end_without_gaps_or_repeats()
    {
        await using var factory = NewApi();
        await factory.SeedAsync(Enumerable.Range(0, 37).Select(Startup));
        var client = factory.Client();

        var entities = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { entities(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            d => d.GetProperty("entities"), 7);
        Assert.Equal(1 + 37 * 2, entities.Distinct().Count());
        Assert.Equal(entities.Count, entities.Distinct().Count());

        var startups = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { entities(search: \"初创\", first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            d => d.GetProperty("entities"), 5);
        Assert.Equal(Enumerable.Range(0, 37).Select(i => $"org:startup-{i:000}").Order(), startups.Order());

        var deals = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { deals(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            d => d.GetProperty("deals"), 6);
        Assert.Equal(37, deals.Distinct().Count());

        var articles = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { articles(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
            d => d.GetProperty("articles"), 10);
        Assert.Equal(37, articles.Distinct().Count());

        // Nested relations of one entity, paged by the API over the batch-loaded list.
        var fundRelations = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { entity(id: \"org:big-fund\") { relations(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }",
            d => d.GetProperty("entity").GetProperty("relations"), 4);
        Assert.Equal(37, fundRelations.Distinct().Count());
        Assert.Equal(37, fundRelations.Count);

        var fundDeals = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { entity(id: \"org:big-fund\") { deals(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }",
            d => d.GetProperty("entity").GetProperty("deals"), 8);
        Assert.Equal(deals.Order(), fundDeals.Order());
    }

    [Fact]
    public async Task A_hub_with_more_relations_than_a_batch_pages_through_the_store()
    {
        await using var factory = NewApi();
        var count = KnowledgeGraph.Api.GraphQL.Loading.GraphLoaders.BatchableDegree + 3;
        await factory.SeedAsync(Enumerable.Range(0, count).Select(Startup));
        var client = factory.Client();

        var relations = await PageToTheEnd(client,
            "query ($first: Int, $after: String) { entity(id: \"org:big-fund\") { degree relations(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }",
            d => d.GetProperty("entity").GetProperty("relations"), 200);
        Assert.Equal(count, relations.Distinct().Count());
        Assert.Equal(count, relations.Count);
    }

    [Fact]
    public async Task A_hundred_entities_with_their_relations_cost_a_bounded_number_of_store_calls()
    {
        await using var factory = new ApiFactory(Store) { CountStoreCalls = true };
        await factory.SeedAsync(Enumerable.Range(0, 120).Select(Startup));
        var client = factory.Client();
        factory.Counter.Reset();

        var data = (await client.QueryAsync("""
            { entities(search: "startup", first: 100) {
                edges { node { id name
                  relations(first: 10) { totalCount edges { node { type subject { id name } object { id name }
                    evidence { edges { node { sentence { text } article { id } } } } } } }
                  deals { totalCount edges { node { amount parties { role entity { id } } } } }
                } }
            } }
            """)).Ok();

        var edges = data.GetProperty("entities").GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(100, edges.Count);
        Assert.All(edges, e => Assert.Equal(2, e.GetProperty("node").GetProperty("relations").GetProperty("totalCount").GetInt32()));
        Assert.All(edges, e => Assert.Equal(1, e.GetProperty("node").GetProperty("deals").GetProperty("totalCount").GetInt32()));
        var calls = factory.Counter.Snapshot();
        // One search, one relations batch, one deals batch, one evidence batch, one entity batch per level that asks for entities.
        Assert.Equal(1, calls.GetValueOrDefault("SearchEntitiesAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("FindRelationsAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("FindDealsAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("GetEvidenceAsync"));
        Assert.InRange(calls.GetValueOrDefault("GetEntitiesAsync"), 1, 2);
        Assert.InRange(factory.Counter.TotalCalls, 5, 6);
    }

    [Fact]
    public async Task A_hundred_entities_with_every_nested_field_cost_a_bounded_number_of_store_calls()
    {
        // This counts calls, not time: a loaded machine must not turn it into a test of the execution time limit.
        await using var factory = new ApiFactory(Store) { CountStoreCalls = true }.With("KG:Limits:ExecutionTimeout", "00:03:00");
        await factory.SeedAsync(Enumerable.Range(0, 120).Select(Startup));
        var client = factory.Client();
        factory.Counter.Reset();

        var data = (await client.QueryAsync("""
            { entities(search: "startup", first: 100) {
                edges { node { id
                  relations { totalCount }
                  deals { totalCount }
                  articles(first: 5) { totalCount edges { node { id title } } }
                  timeline { totalCount edges { node { date articleId relation { type } } } }
                  neighbourhood(depth: 2, limit: 50) { nodes { id } edges { type subject { id name } object { id name } } }
                } }
            } }
            """)).Ok();

        var entities = data.GetProperty("entities").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(100, entities.Count);
        foreach (var entity in entities)
        {
            var number = entity.GetProperty("id").GetString()!["org:startup-".Length..];
            Assert.Equal(1, entity.GetProperty("articles").GetProperty("totalCount").GetInt32());
            Assert.Equal($"初创公司{int.Parse(number, System.Globalization.CultureInfo.InvariantCulture)}完成融资",
                entity.GetProperty("articles").GetProperty("edges")[0].GetProperty("node").GetProperty("title").GetString());
            var timeline = entity.GetProperty("timeline").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
            Assert.Contains(timeline, e => e.GetProperty("relation").ValueKind != JsonValueKind.Null && e.GetProperty("relation").GetProperty("type").GetString() == "DEVELOPS");
            Assert.Contains(timeline, e => e.GetProperty("relation").ValueKind != JsonValueKind.Null && e.GetProperty("relation").GetProperty("type").GetString() == "INVESTED_IN");
            // Two hops from a startup: its product and the fund, then the fund's other startups up to the limit.
            var nodes = entity.GetProperty("neighbourhood").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
            Assert.Equal(50, nodes.Count);
            Assert.Contains(Fund, nodes);
            Assert.Contains($"prod:product-{number}", nodes);
            Assert.All(entity.GetProperty("neighbourhood").GetProperty("edges").EnumerateArray(), edge =>
            {
                Assert.Contains(edge.GetProperty("subject").GetProperty("id").GetString(), nodes);
                Assert.Contains(edge.GetProperty("object").GetProperty("id").GetString(), nodes);
            });
        }

        var calls = factory.Counter.Snapshot();
        Assert.Equal(1, calls.GetValueOrDefault("SearchEntitiesAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("FindArticlesOfEntitiesAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("GetTimelinesAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("GetNeighbourhoodsAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("FindRelationsAsync"));
        Assert.Equal(1, calls.GetValueOrDefault("FindDealsAsync"));
        // The ends of the neighbourhoods' edges come with their nodes.
        Assert.Equal(0, calls.GetValueOrDefault("GetEntitiesAsync"));
        Assert.Equal(0, calls.GetValueOrDefault("FindArticlesAsync") + calls.GetValueOrDefault("GetTimelineAsync") + calls.GetValueOrDefault("GetNeighbourhoodAsync"));
        Assert.Equal(6, factory.Counter.TotalCalls);
    }
}
