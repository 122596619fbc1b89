using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The service's own process SIGKILLed while clients keep sending ingestArticles batches into SQLite, then started
/// again over the same file: every batch it answered is there, the batch in flight is there whole or not at all, and
/// the graph equals the one an undisturbed service builds from exactly the batches that were committed.
/// </summary>
public sealed class KilledServiceTests : IDisposable
{
    private const string Key = "killed-service-key";
    private const int ArticlesPerBatch = 3;
    private const int Batches = 12;
    private const string IngestBatch = "mutation ($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { status } }";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kg-killed-service-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_SIGKILLed_service_keeps_whole_batches_only()
    {
        var batches = MakeBatches();
        var database = Path.Combine(_folder.FullName, "graph.db");
        var answered = 0;
        await using (var service = await StartAsync(database))
        {
            var client = new GraphQLClient(new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(2) }) { ApiKey = Key };
            var sending = Task.Run(async () =>
            {
                foreach (var batch in batches)
                {
                    Assert.Equal(ArticlesPerBatch, (await client.QueryAsync(IngestBatch, new { inputs = batch })).Ok()
                        .GetProperty("ingestArticles").EnumerateArray().Count(r => r.GetProperty("status").GetString() == "INSERTED"));
                    Interlocked.Increment(ref answered);
                }
            });
            // Batches follow one another without a pause, so the kill finds one being extracted or written.
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (Volatile.Read(ref answered) < 2 && !sending.IsCompleted && DateTime.UtcNow < deadline)
                await Task.Delay(10);
            Assert.True(Volatile.Read(ref answered) >= 2, $"the service answered {answered} batches; sending: {sending.Exception?.GetBaseException().Message}");
            await service.KillAsync();
            var failure = await Record.ExceptionAsync(() => sending);
            Assert.True(failure is HttpRequestException, $"the batch in flight should fail with the connection; got {failure}");
        }
        var answeredBeforeKill = Volatile.Read(ref answered);

        await using var restarted = await StartAsync(database);
        using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
        var stored = await StoredUrlsAsync(new GraphQLClient(http));
        var committed = batches.TakeWhile(batch => batch.All(article => stored.Contains(article.url))).ToList();
        Assert.InRange(committed.Count, answeredBeforeKill, Batches - 1);
        Assert.Equal(committed.SelectMany(batch => batch.Select(article => article.url)).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        await using var undisturbed = new ApiFactory();
        var reference = undisturbed.Client(ApiFactory.ApiKey);
        foreach (var batch in committed)
            (await reference.QueryAsync(IngestBatch, new { inputs = batch })).Ok();
        Assert.Equal(await StoreDump.TakeAsync(undisturbed), await StoreDump.TakeAsync(http));
    }

    /// <summary>The sample articles, each batch under URLs of its own so that every batch adds new articles.</summary>
    private static List<ArticleInput[]> MakeBatches()
    {
        var samples = SampleArticles.Read();
        return Enumerable.Range(0, Batches).Select(b => Enumerable.Range(0, ArticlesPerBatch).Select(i =>
        {
            var article = samples[(b * ArticlesPerBatch + i) % samples.Count];
            return new ArticleInput(article.Title, article.Text, article.PublishedAt, $"https://killed.test/{b}/{i}");
        }).ToArray()).ToList();
    }

    private static Task<ServiceProcess> StartAsync(string database) =>
        ServiceProcess.StartAsync(new ServiceLaunch(ServiceLaunch.Api)
        {
            Environment = new Dictionary<string, string> { ["KG__Sqlite__Path"] = database, ["KG__ApiKeys__0"] = Key },
        }, TimeSpan.FromMinutes(3));

    private static async Task<HashSet<string>> StoredUrlsAsync(GraphQLClient client)
    {
        var page = (await client.QueryAsync("{ articles(first: 500) { pageInfo { hasNextPage } edges { node { url } } } }")).Ok().GetProperty("articles");
        Assert.False(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        return page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("url").GetString()!).ToHashSet();
    }

    private sealed record ArticleInput(string? title, string text, DateTime? publishedAt, string url);
}
