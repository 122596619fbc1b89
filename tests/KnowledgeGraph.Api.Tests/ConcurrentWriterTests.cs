using System.Text.Json;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

public sealed class SqliteConcurrentWriterTests : ConcurrentWriterTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jConcurrentWriterTests : ConcurrentWriterTests
{
    protected override TestStore Store => TestStore.Neo4j;
}

/// <summary>
/// Eight clients ingesting overlapping batches of the same articles through the API at once end with the graph one
/// client builds alone: every entity and relation once, the same counts by type.
/// </summary>
public abstract class ConcurrentWriterTests
{
    private const int Writers = 8;
    private const int ArticlesPerBatch = 3;
    private const string IngestBatch = "mutation ($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { status } }";
    private const string Counts = "{ stats { articles deals entitiesByType { type count } relationsByType { type count } } }";

    protected abstract TestStore Store { get; }

    [Fact]
    public async Task Eight_writers_of_overlapping_articles_create_no_duplicate_entities_or_relations()
    {
        var articles = SampleArticles.AsInputs();
        string together;
        await using (var api = new ApiFactory(Store))
        {
            // Writer w sends articles w, w+1, w+2 (wrapping): each article is in flight from three writers at once.
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
            {
                var batch = Enumerable.Range(writer, ArticlesPerBatch).Select(i => articles[i % articles.Length]).ToArray();
                (await api.Client(ApiFactory.ApiKey).QueryAsync(IngestBatch, new { inputs = batch })).Ok();
            }));
            together = await SummaryAsync(api);
        }

        await using var alone = new ApiFactory(Store);
        (await alone.Client(ApiFactory.ApiKey).QueryAsync(IngestBatch, new { inputs = articles })).Ok();
        Assert.Equal(await SummaryAsync(alone), together);
    }

    /// <summary>Counts by type and the ids of every node and edge, after checking that no id occurs twice.</summary>
    private static async Task<string> SummaryAsync(ApiFactory api)
    {
        using var http = api.CreateClient();
        var export = JsonDocument.Parse(await http.GetStringAsync("/export/json")).RootElement;
        var nodes = export.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();
        var edges = export.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("key").GetString()!).ToList();
        Assert.Equal(nodes.Count, nodes.Distinct().Count());
        Assert.Equal(edges.Count, edges.Distinct().Count());
        var counts = (await api.Client().QueryAsync(Counts)).Ok().GetRawText();
        return string.Join('\n', [counts, .. nodes.Order(StringComparer.Ordinal), .. edges.Order(StringComparer.Ordinal)]);
    }
}
