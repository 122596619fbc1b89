using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Ingestion;
using KnowledgeGraph.Api.Tests.Infrastructure;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Extraction runs on threads nicer than the ones answering requests (Linux, where CI runs).</summary>
public sealed class ExtractionNicenessTests
{
    private static int CallerNiceness() =>
        ThreadNiceness.Current() ?? throw new Xunit.Sdk.XunitException("No per-thread nice value: these tests need Linux.");

    [Fact]
    public async Task Work_runs_nicer_by_the_levels_asked_and_what_follows_it_does_not()
    {
        var caller = CallerNiceness();

        using var workers = new ExtractionWorkers(workers: 1, niceness: 4);
        var (inside, afterwards) = await Task.Run(() => NicenessInsideAndAfterAsync(workers));

        Assert.Equal(Math.Min(19, caller + 4), inside);
        Assert.Equal(caller, afterwards);
    }

    /// <summary>
    /// Awaited from the pool without a synchronisation context, so a continuation allowed to run inline would run on
    /// the extraction thread itself and see its niceness.
    /// </summary>
    private static async Task<(int? Inside, int? Afterwards)> NicenessInsideAndAfterAsync(ExtractionWorkers workers)
    {
        var inside = await workers.RunAsync(ThreadNiceness.Current).ConfigureAwait(false);
        return (inside, ThreadNiceness.Current());
    }

    [Fact]
    public async Task Niceness_zero_keeps_the_callers_level()
    {
        var caller = CallerNiceness();
        using var workers = new ExtractionWorkers(workers: 1, niceness: 0);
        Assert.Equal(caller, await workers.RunAsync(ThreadNiceness.Current));
    }

    [Fact]
    public async Task A_failure_inside_reaches_the_caller()
    {
        using var workers = new ExtractionWorkers(workers: 1, niceness: 3);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            workers.RunAsync<int>(() => throw new InvalidOperationException("extractor broke")));
        Assert.Equal("extractor broke", error.Message);
        Assert.Equal(7, await workers.RunAsync(() => 7));
    }

    [Fact]
    public async Task Work_queued_before_disposal_still_finishes_and_is_handed_back()
    {
        var workers = new ExtractionWorkers(workers: 1, niceness: 2);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = workers.RunAsync(() =>
        {
            started.Set();
            release.Wait();
            return 1;
        });
        var queued = workers.RunAsync(() => 2);
        started.Wait(TimeSpan.FromSeconds(30));

        workers.Dispose();
        release.Set();

        var results = await Task.WhenAll(running, queued).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { 1, 2 }, results);
    }

    [Fact]
    public async Task The_ingest_mutation_extracts_at_the_configured_niceness()
    {
        var observer = new NicenessObservingExtractor();
        var requestThreads = CallerNiceness();

        var ingested = await IngestThreeLevelsNicerAsync(observer);

        ingested.Ok();
        Assert.Equal([Math.Min(19, requestThreads + 3)], observer.Seen);
    }

    [Fact]
    public async Task A_pattern_timeout_on_the_nicer_thread_is_retried_at_the_request_threads_level()
    {
        var observer = new NicenessObservingExtractor { TimeOutOnNicerThreads = true };
        var requestThreads = CallerNiceness();

        var ingested = await IngestThreeLevelsNicerAsync(observer);

        Assert.Equal("INSERTED", ingested.Ok().GetProperty("ingestArticle").GetProperty("status").GetString());
        Assert.Equal([Math.Min(19, requestThreads + 3), requestThreads], observer.Seen);
    }

    /// <summary>Ingests one article through a service whose extraction workers run three levels nicer.</summary>
    private static async Task<GraphQLResponse> IngestThreeLevelsNicerAsync(IArticleExtractor extractor)
    {
        await using var factory = new ApiFactory
        {
            TestServices = services =>
            {
                services.RemoveAll<IArticleExtractor>();
                services.AddSingleton(extractor);
            },
        }.With("KG:Ingestion:ExtractionNiceness", "3").With("KG:Limits:ExecutionTimeout", "00:05:00");
        return await factory.Client(ApiFactory.ApiKey).QueryAsync(
            "mutation ($input: ArticleInput!) { ingestArticle(input: $input) { status } }",
            new { input = new { title = "测试", text = "百度投资了智谱AI。", publishedAt = "2024-03-01T00:00:00Z" } });
    }

    private sealed class NicenessObservingExtractor : IArticleExtractor
    {
        // Built here, on the test's thread: built on a nicer thread of a busy machine it could outlast the time limit.
        private readonly ExtractionPipeline _pipeline = new();

        public ConcurrentQueue<int?> Seen { get; } = new();

        /// <summary>Throws the extractor's pattern timeout whenever it runs on a thread nicer than the test's.</summary>
        public bool TimeOutOnNicerThreads { get; init; }

        private readonly int _testThreads = CallerNiceness();

        public ExtractionResult Extract(Article article)
        {
            var niceness = ThreadNiceness.Current();
            Seen.Enqueue(niceness);
            if (TimeOutOnNicerThreads && niceness > _testThreads)
                throw new RegexMatchTimeoutException(article.Text, "(pattern)", TimeSpan.FromSeconds(1));
            return _pipeline.Extract(article);
        }
    }
}
