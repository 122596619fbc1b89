using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>The writer's page cache is a setting: a size outside its range is refused by name, and the smallest one works.</summary>
public sealed class SqliteWriterCacheTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(-64)]
    [InlineData(65537)]
    public void A_cache_size_outside_its_range_is_refused_naming_the_setting(int megabytes)
    {
        var options = new SqliteGraphStoreOptions { Path = _database.FilePath, WriterCacheMegabytes = megabytes };

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteGraphStore(options));

        Assert.Contains("WriterCacheMegabytes", error.Message);
        Assert.Contains(megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task A_one_megabyte_cache_stores_a_batch_larger_than_the_cache()
    {
        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath, WriterCacheMegabytes = 1 });
        await store.InitializeAsync();
        // Long evidence texts make the batch's pages outgrow 1 MB, so the transaction spills pages before it commits.
        var padding = new string('长', 2_000);
        var articles = Enumerable.Range(0, 300).Select(i => TestArticle.AtUrl($"https://news.test/{i}")
            .Org(Ids.Microsoft, "Microsoft").Org($"org:company-{i}", $"Company {i}")
            .Relation("INVESTED_IN", Ids.Microsoft, $"org:company-{i}", sentence: $"{i} {padding}").Build()).ToList();

        await store.IngestAsync(articles);

        var stats = await store.GetStatsAsync(1);
        Assert.Equal(300, stats.Articles);
        Assert.Equal([new TypeCount("INVESTED_IN", 300)], stats.RelationsByType);
        Assert.Equal(300, Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft])).Degree);
    }
}
