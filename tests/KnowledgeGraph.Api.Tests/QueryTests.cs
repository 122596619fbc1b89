using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;
using static KnowledgeGraph.Api.Tests.Infrastructure.AiIndustryGraph;

namespace KnowledgeGraph.Api.Tests;

public sealed class SqliteQueryTests(SqliteSeededApi api) : QueryTests<SqliteSeededApi>(api);

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jQueryTests(Neo4jSeededApi api) : QueryTests<Neo4jSeededApi>(api);

public abstract class QueryTests<TApi>(TApi api) : IClassFixture<TApi> where TApi : SeededApi
{
    private static IEnumerable<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));

    private static List<string> Ids(JsonElement connection) => Nodes(connection).Select(n => n.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task An_entity_answers_its_names_aliases_degree_and_relations()
    {
        var data = (await api.Client().QueryAsync("""
            query ($id: ID!) {
              entity(id: $id) {
                id type name chineseName aliases degree
                relations(direction: OUTGOING, types: [JOINED, FOUNDED]) {
                  totalCount
                  edges { cursor node { type subject { id } object { id name } confidence attributes { role } } }
                }
              }
            }
            """, new { id = Suleyman })).Ok();

        var entity = data.GetProperty("entity");
        Assert.Equal("Person", entity.GetProperty("type").GetString());
        Assert.Equal("Mustafa Suleyman", entity.GetProperty("name").GetString());
        Assert.Equal("穆斯塔法·苏莱曼", entity.GetProperty("chineseName").GetString());
        Assert.Contains("苏莱曼", entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(4, entity.GetProperty("degree").GetInt32());
        var relations = entity.GetProperty("relations");
        Assert.Equal(3, relations.GetProperty("totalCount").GetInt32());
        var targets = Nodes(relations).Select(r => (r.GetProperty("type").GetString(), r.GetProperty("object").GetProperty("id").GetString())).ToList();
        Assert.Equal([("FOUNDED", DeepMind), ("FOUNDED", Inflection), ("JOINED", MicrosoftId)], targets.Order().ToList());
        Assert.All(Nodes(relations), r => Assert.Equal(Suleyman, r.GetProperty("subject").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_relation_carries_attributes_and_evidence_with_its_article()
    {
        var data = (await api.Client().QueryAsync("""
            { entity(id: "per:sam-altman") { relations(types: [WORKS_FOR]) { edges { node {
                attributes { role }
                evidenceCount
                evidence { totalCount edges { node { sentence { text start end } confidence article { id title publishedAt } } } }
            } } } } }
            """)).Ok();

        var relation = Nodes(data.GetProperty("entity").GetProperty("relations")).Single();
        Assert.Equal("首席执行官", relation.GetProperty("attributes").GetProperty("role").GetString());
        var evidence = Nodes(relation.GetProperty("evidence")).Single();
        var sentence = evidence.GetProperty("sentence");
        Assert.Equal("OpenAI首席执行官山姆·奥特曼表示。", sentence.GetProperty("text").GetString());
        Assert.Equal(sentence.GetProperty("text").GetString()!.EnumerateRunes().Count(),
            sentence.GetProperty("end").GetInt32() - sentence.GetProperty("start").GetInt32());
        Assert.Equal(MicrosoftInvestsInOpenAi().Id, evidence.GetProperty("article").GetProperty("id").GetString());
        Assert.Equal("微软宣布向OpenAI追加数十亿美元投资", evidence.GetProperty("article").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("微软", MicrosoftId)]
    [InlineData("苏莱曼", Suleyman)]
    [InlineData("霍洛维茨", A16z)]
    [InlineData("英伟达", Nvidia)]
    public async Task Chinese_search_finds_entities_by_substring_of_name_or_alias(string text, string expected)
    {
        var data = (await api.Client().QueryAsync("query ($s: String) { entities(search: $s) { totalCount edges { node { id } } } }",
            new { s = text })).Ok();

        Assert.Contains(expected, Ids(data.GetProperty("entities")));
    }

    [Fact]
    public async Task English_search_is_a_case_insensitive_prefix_and_filters_by_type()
    {
        var client = api.Client();
        var micro = (await client.QueryAsync("""{ entities(search: "micro") { edges { node { id } } } }""")).Ok();
        Assert.Equal([MicrosoftId, MicrosoftAi], Ids(micro.GetProperty("entities")).Order().ToList());

        var people = (await client.QueryAsync("""{ entities(search: "MUS", types: [Person]) { edges { node { id type } } } }""")).Ok();
        Assert.Equal([Suleyman], Ids(people.GetProperty("entities")));

        var none = (await client.QueryAsync("""{ entities(search: "zzz-nothing") { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }""")).Ok();
        Assert.Equal(0, none.GetProperty("entities").GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("entities").GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task A_neighbourhood_returns_nodes_and_edges_ready_to_draw()
    {
        var data = (await api.Client().QueryAsync("""
            { entity(id: "org:anthropic") {
                one: neighbourhood(depth: 1) { nodes { id } edges { type subject { id } object { id } } truncated }
                two: neighbourhood(depth: 2, types: [INVESTED_IN, COMPETES_WITH]) { nodes { id } edges { type } }
            } }
            """)).Ok();

        var one = data.GetProperty("entity").GetProperty("one");
        var nodes = one.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(new[] { Anthropic, Amazon, Google, Amodei, Claude, OpenAi }.Order(), nodes.Order());
        Assert.Equal(5, one.GetProperty("edges").GetArrayLength());
        Assert.False(one.GetProperty("truncated").GetBoolean());
        foreach (var edge in one.GetProperty("edges").EnumerateArray())
        {
            Assert.Contains(edge.GetProperty("subject").GetProperty("id").GetString(), nodes);
            Assert.Contains(edge.GetProperty("object").GetProperty("id").GetString(), nodes);
        }

        var two = data.GetProperty("entity").GetProperty("two");
        var twoHops = two.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(MicrosoftId, twoHops);
        Assert.DoesNotContain(Claude, twoHops);
        Assert.All(two.GetProperty("edges").EnumerateArray(), e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "INVESTED_IN", "COMPETES_WITH" }));
    }

    [Fact]
    public async Task A_path_connects_two_entities_through_the_shortest_chain()
    {
        var data = (await api.Client().QueryAsync("""
            { path(from: "per:mustafa-suleyman", to: "per:sam-altman", maxDepth: 4) { length nodes { id } edges { type } } }
            """)).Ok();

        var path = data.GetProperty("path");
        Assert.Equal(3, path.GetProperty("length").GetInt32());
        var nodes = path.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Equal([Suleyman, MicrosoftId, OpenAi, Altman], nodes);

        var tooShort = (await api.Client().QueryAsync("""{ path(from: "per:mustafa-suleyman", to: "per:sam-altman", maxDepth: 2) { length } }""")).Ok();
        Assert.Equal(JsonValueKind.Null, tooShort.GetProperty("path").ValueKind);
    }

    [Fact]
    public async Task Deals_filter_by_kind_party_dates_and_amount()
    {
        var client = api.Client();
        const string query = """
            query ($kinds: [DealKind!], $parties: [ID!], $from: String, $to: String, $min: Decimal) {
              deals(kinds: $kinds, parties: $parties, from: $from, to: $to, minAmount: $min, first: 100) {
                totalCount edges { node { kind amount currency date parties { role entity { id } } evidence { text } } }
              }
            }
            """;

        var all = (await client.QueryAsync(query)).Ok().GetProperty("deals");
        Assert.Equal(12, all.GetProperty("totalCount").GetInt32());

        var intoAnthropic = (await client.QueryAsync(query, new { kinds = new[] { "INVESTED_IN" }, parties = new[] { Anthropic } })).Ok().GetProperty("deals");
        var investors = Nodes(intoAnthropic).Select(d => d.GetProperty("parties").EnumerateArray()
            .Single(p => p.GetProperty("role").GetString() == "investor").GetProperty("entity").GetProperty("id").GetString()).Order().ToList();
        Assert.Equal([Amazon, Google], investors);

        // Dates overlap on their common prefix: the two deals dated only "2023" fall within any range inside 2023.
        var lateTwentyThree = (await client.QueryAsync(query, new { from = "2023-10", to = "2023-12" })).Ok().GetProperty("deals");
        Assert.Equal(["2023", "2023", "2023-10", "2023-12", "2023-12", "2023-12"],
            Nodes(lateTwentyThree).Select(d => d.GetProperty("date").GetString()).Order().ToList());
        var twentyFour = (await client.QueryAsync(query, new { from = "2024-01-01" })).Ok().GetProperty("deals");
        Assert.Equal(["2024-02", "2024-02", "2024-03", "2024-03"], Nodes(twentyFour).Select(d => d.GetProperty("date").GetString()).Order().ToList());

        var billions = (await client.QueryAsync(query, new { min = 1_000_000_000m })).Ok().GetProperty("deals");
        Assert.Equal([1_300_000_000m, 2_000_000_000m, 4_000_000_000m, 10_000_000_000m],
            Nodes(billions).Select(d => d.GetProperty("amount").GetDecimal()).Order().ToList());

        var partnerships = (await client.QueryAsync(query, new { kinds = new[] { "PARTNERED_WITH" } })).Ok().GetProperty("deals");
        var partnership = Nodes(partnerships).Single();
        Assert.Equal("PARTNERED_WITH", partnership.GetProperty("kind").GetString());
        Assert.All(partnership.GetProperty("parties").EnumerateArray(), p => Assert.Equal("partner", p.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task An_entity_lists_its_deals_articles_and_timeline()
    {
        var data = (await api.Client().QueryAsync("""
            { entity(id: "org:inflection-ai") {
                deals(kinds: [INVESTED_IN]) { totalCount edges { node { amount } } }
                articles { totalCount edges { node { id title publishedAt } } }
                timeline { totalCount edges { node { date articleId relation { type } } } }
            } }
            """)).Ok().GetProperty("entity");

        Assert.Equal(2, data.GetProperty("deals").GetProperty("totalCount").GetInt32());
        Assert.Equal([MicrosoftHiresInflectionTeam().Id], Ids(data.GetProperty("articles")));
        Assert.True(data.GetProperty("timeline").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task Stats_count_by_type_and_rank_the_most_connected()
    {
        var stats = (await api.Client().QueryAsync("""
            { stats(top: 3) { articles deals entitiesByType { type count } relationsByType { type count } mostConnected { id degree } } }
            """)).Ok().GetProperty("stats");

        Assert.Equal(6, stats.GetProperty("articles").GetInt64());
        Assert.Equal(12, stats.GetProperty("deals").GetInt64());
        Assert.Equal(20, stats.GetProperty("entitiesByType").EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        Assert.Equal(27, stats.GetProperty("relationsByType").EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        var top = stats.GetProperty("mostConnected").EnumerateArray().ToList();
        Assert.Equal(3, top.Count);
        Assert.Equal(MicrosoftId, top[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Articles_filter_by_entity_and_publication_time()
    {
        var data = (await api.Client().QueryAsync("""
            { microsoft: articles(entity: "org:microsoft") { totalCount }
              in2024: articles(publishedFrom: "2024-01-01T00:00:00Z") { totalCount edges { node { title } } } }
            """)).Ok();

        Assert.Equal(3, data.GetProperty("microsoft").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, data.GetProperty("in2024").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Unknown_ids_answer_a_not_found_error_naming_the_id()
    {
        var response = await api.Client().QueryAsync("""{ entity(id: "org:nobody") { id } }""");
        Assert.Contains("org:nobody", response.SingleError("NOT_FOUND"));

        var path = await api.Client().QueryAsync("""{ path(from: "org:nobody", to: "org:microsoft") { length } }""");
        Assert.Contains("org:nobody", path.SingleError("NOT_FOUND"));

        var neighbourhood = await api.Client().QueryAsync("""{ neighbourhood(id: "org:nobody") { nodes { id } } }""");
        neighbourhood.SingleError("NOT_FOUND");
    }

    [Fact]
    public async Task Bad_cursors_and_arguments_answer_clear_errors()
    {
        var client = api.Client();
        var storeCursor = await client.QueryAsync("""{ entities(first: 2, after: "not-a-cursor") { totalCount } }""");
        Assert.NotEmpty(storeCursor.Errors);
        Assert.False(storeCursor.HasData && storeCursor.Data.GetProperty("entities").ValueKind != JsonValueKind.Null);

        var nestedCursor = await client.QueryAsync("""{ entity(id: "org:microsoft") { relations(after: "bm90LWEtY3Vyc29y") { totalCount } } }""");
        Assert.NotEmpty(nestedCursor.Errors);

        var depth = await client.QueryAsync("""{ neighbourhood(id: "org:microsoft", depth: 9) { nodes { id } } }""");
        Assert.Contains("depth", depth.SingleError("BAD_ARGUMENT"));
    }
}
