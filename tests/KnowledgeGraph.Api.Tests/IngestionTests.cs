using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The sample articles go in through the mutation and the real extractor; the graph is then queried.</summary>
public sealed class SqliteIngestionTests : IngestionTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jIngestionTests : IngestionTests
{
    protected override TestStore Store => TestStore.Neo4j;
}

public abstract class IngestionTests
{
    protected abstract TestStore Store { get; }

    private ApiFactory NewApi() => new(Store);

    private const string IngestAll = """
        mutation ($inputs: [ArticleInput!]!) {
          ingestArticles(inputs: $inputs) { articleId status entities { id type name } relations { type subjectId objectId } deals { kind amount } }
        }
        """;

    private static IEnumerable<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));

    [Fact]
    public async Task Sample_articles_ingested_through_the_mutation_become_a_queryable_graph()
    {
        await using var factory = NewApi();
        var client = factory.Client(ApiFactory.ApiKey);
        var inputs = SampleArticles.AsInputs();

        var results = (await client.QueryAsync(IngestAll, new { inputs })).Ok().GetProperty("ingestArticles").EnumerateArray().ToList();

        Assert.Equal(inputs.Length, results.Count);
        Assert.All(results, r => Assert.Equal("INSERTED", r.GetProperty("status").GetString()));
        Assert.Contains(results.SelectMany(r => r.GetProperty("entities").EnumerateArray()), e => e.GetProperty("id").GetString() == "org:microsoft");

        var search = (await client.QueryAsync("""{ zh: entities(search: "微软") { edges { node { id } } } en: entities(search: "anthro") { edges { node { id } } } }""")).Ok();
        Assert.Contains("org:microsoft", Nodes(search.GetProperty("zh")).Select(n => n.GetProperty("id").GetString()));
        Assert.Contains("org:anthropic", Nodes(search.GetProperty("en")).Select(n => n.GetProperty("id").GetString()));

        var anthropic = (await client.QueryAsync("""
            { entity(id: "org:anthropic") {
                deals(kinds: [INVESTED_IN]) { edges { node { amount currency parties { role entity { id } } } } }
                neighbourhood(depth: 1) { nodes { id } }
                relations(types: [INVESTED_IN]) { edges { node { subject { id } evidence { edges { node { sentence { text } } } } } } }
            } }
            """)).Ok().GetProperty("entity");
        var investors = Nodes(anthropic.GetProperty("deals"))
            .SelectMany(d => d.GetProperty("parties").EnumerateArray())
            .Where(p => p.GetProperty("role").GetString() == "investor")
            .Select(p => p.GetProperty("entity").GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "org:amazon", "org:google" }, investors);
        var neighbours = anthropic.GetProperty("neighbourhood").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());
        Assert.Contains("org:amazon", neighbours);
        Assert.All(Nodes(anthropic.GetProperty("relations")), r =>
            Assert.NotEmpty(r.GetProperty("evidence").GetProperty("edges").EnumerateArray()));

        var path = (await client.QueryAsync("""{ path(from: "org:amazon", to: "org:google", maxDepth: 3) { nodes { id } } }""")).Ok();
        Assert.Equal(["org:amazon", "org:anthropic", "org:google"],
            path.GetProperty("path").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList());

        var before = (await client.QueryAsync("{ stats { articles deals relationsByType { count } } }")).Ok().ToString();
        var again = (await client.QueryAsync(IngestAll, new { inputs })).Ok().GetProperty("ingestArticles").EnumerateArray();
        Assert.All(again, r => Assert.Equal("UNCHANGED", r.GetProperty("status").GetString()));
        Assert.Equal(before, (await client.QueryAsync("{ stats { articles deals relationsByType { count } } }")).Ok().ToString());
    }

    [Fact]
    public async Task Ingesting_one_article_answers_what_was_found_and_a_changed_version_replaces_it()
    {
        await using var factory = NewApi();
        var client = factory.Client(ApiFactory.ApiKey);
        const string ingest = """
            mutation ($input: ArticleInput!) { ingestArticle(input: $input) { articleId status entities { id } relations { type subjectId objectId evidence { text } } } }
            """;
        var url = "https://news.test/amazon-anthropic";

        var samples = SampleArticles.Read();
        var amazon = samples.Single(a => a.Source.EndsWith("amazon-anthropic.txt"));
        var google = samples.Single(a => a.Source.EndsWith("google-anthropic.txt"));

        var first = (await client.QueryAsync(ingest, new { input = new { title = amazon.Title, text = amazon.Text, publishedAt = amazon.PublishedAt, url } }))
            .Ok().GetProperty("ingestArticle");
        Assert.Equal("INSERTED", first.GetProperty("status").GetString());
        Assert.Contains(first.GetProperty("relations").EnumerateArray(), r =>
            r.GetProperty("type").GetString() == "INVESTED_IN" && r.GetProperty("subjectId").GetString() == "org:amazon"
            && r.GetProperty("objectId").GetString() == "org:anthropic");

        Assert.Contains(await EvidenceTexts(client), text => !google.Text.Contains(text));

        // The same URL with another text is a new version of that article: it replaces the first one's contributions.
        var second = (await client.QueryAsync(ingest, new { input = new { title = google.Title, text = google.Text, publishedAt = google.PublishedAt, url } }))
            .Ok().GetProperty("ingestArticle");
        Assert.Equal("REPLACED", second.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("articleId").GetString(), second.GetProperty("articleId").GetString());

        var evidence = await EvidenceTexts(client);
        Assert.NotEmpty(evidence);
        // Every piece of evidence now comes from the second version; what only the first one said is gone with it.
        Assert.All(evidence, text => Assert.Contains(text, google.Text));
        Assert.Equal(1, (await client.QueryAsync("{ stats { articles } }")).Ok().GetProperty("stats").GetProperty("articles").GetInt64());
    }

    private static async Task<List<string>> EvidenceTexts(GraphQLClient client)
    {
        var data = (await client.QueryAsync("{ relations(first: 500) { edges { node { evidence { edges { node { sentence { text } } } } } } } }")).Ok();
        return Nodes(data.GetProperty("relations"))
            .SelectMany(r => Nodes(r.GetProperty("evidence")))
            .Select(e => e.GetProperty("sentence").GetProperty("text").GetString()!)
            .ToList();
    }

    [Fact]
    public async Task On_first_start_an_empty_store_is_filled_with_the_sample_articles_once()
    {
        await using var first = NewApi().With("KG:LoadSamples", "true");
        var articles = (await first.Client().QueryAsync("{ stats { articles } }")).Ok().GetProperty("stats").GetProperty("articles").GetInt64();
        Assert.Equal(SampleArticles.Read().Count, articles);

        await using var restarted = first.Reopen().With("KG:LoadSamples", "true");
        var stats = (await restarted.Client().QueryAsync("{ stats { articles } }")).Ok();
        Assert.Equal(articles, stats.GetProperty("stats").GetProperty("articles").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await restarted.CreateClient().GetAsync("/health")).StatusCode);
    }
}
