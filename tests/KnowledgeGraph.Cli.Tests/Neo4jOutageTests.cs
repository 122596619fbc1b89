using System.Diagnostics;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Neo4j;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// `kg ingest --store neo4j` while the Neo4j server is SIGKILLed and later restarted: the run reports the outage, keeps
/// retrying the batch with growing pauses, resumes when the server is back, and ends with the graph an undisturbed run
/// builds, compared by canonical dump.
/// </summary>
public sealed class Neo4jOutageTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    // Neo4j 3.1 recovering from a SIGKILL took over four minutes on the busy shared machine, so the run waits up to ten.
    private static readonly TimeSpan StoreWaitLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    private Neo4jGraphStoreOptions StoreOptions() => new() { Uri = Neo4jServerControl.Uri };

    [Fact]
    public async Task Ingest_survives_a_killed_and_restarted_Neo4j_and_builds_the_same_graph_as_an_undisturbed_run()
    {
        await Neo4jServerControl.WipeAsync();
        var request = new IngestRequest([_workspace.Corpus], new StoreSettings { Store = "neo4j", Neo4j = StoreOptions() },
            Parallelism: 2, BatchArticles: 2, Rescan: true, StoreWaitLimit: StoreWaitLimit) { FirstRetryDelay = FirstRetryDelay };
        Assert.Equal(0, await IngestCommand.RunAsync(request, new OutageDisplay(), CancellationToken.None));
        var undisturbed = await DumpAsync();
        Assert.Contains(undisturbed, line => line.StartsWith("evidence ", StringComparison.Ordinal));

        await Neo4jServerControl.WipeAsync();
        await using var store = new Neo4jGraphStore(new HttpClient(), StoreOptions());
        var ingester = new BulkIngester(new KnowledgeGraph.Extraction.ExtractionPipeline(), store, IngestLedger.None(),
            new BulkIngestOptions(2, 2) { StoreWaitLimit = StoreWaitLimit, FirstRetryDelay = FirstRetryDelay });
        // The writer is held after six stored articles until the server is dead: on a fast machine the rest of the
        // corpus was stored before the kill landed, and the outage the test is about never happened.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var killed = new ManualResetEventSlim();
        ingester.BatchCommitted += () =>
        {
            if (ingester.Progress.Articles >= 6 && holding.TrySetResult()) killed.Wait();
        };
        var files = ArticleReader.EnumerateFiles([_workspace.Corpus]).ToList();
        var display = new OutageDisplay();
        var run = display.ShowAsync(ingester, files.Count, token => ingester.RunAsync(files, token), CancellationToken.None);
        await holding.Task.WaitAsync(TimeSpan.FromMinutes(5));
        try
        {
            await Neo4jServerControl.KillAsync();
            killed.Set();
            await display.WhenOutageReported();
            Assert.False(run.IsCompleted, "the run ended while the store was down: " + string.Join("\n", display.Errors));
        }
        finally
        {
            killed.Set();
            // Always, so that a failure here leaves a running server to the tests after this one.
            await Neo4jServerControl.ResumeAsync();
        }
        Assert.Equal(RunOutcome.Completed, await run);

        Assert.Contains(display.Errors, e => e.StartsWith("the store is unavailable (attempt 1;", StringComparison.Ordinal));
        Assert.Contains(display.Errors, e => e.StartsWith("the store answers again", StringComparison.Ordinal));
        Assert.Equal(0, display.Progress!.FilesFailed);
        Assert.Equal(files.Count, display.Progress.FilesSettled);
        var disturbed = await DumpAsync();
        Assert.Equal(string.Join("\n", undisturbed.Except(disturbed)), string.Join("\n", disturbed.Except(undisturbed)));
        Assert.Equal(undisturbed, disturbed);
    }

    [Fact]
    public async Task A_store_that_stays_away_stops_the_run_after_doubling_pauses_without_failing_any_file()
    {
        var unreachable = new UnreachableStore();
        var ingester = new BulkIngester(new KnowledgeGraph.Extraction.ExtractionPipeline(), unreachable, IngestLedger.None(),
            new BulkIngestOptions(1, 2) { StoreWaitLimit = TimeSpan.FromSeconds(3), FirstRetryDelay = TimeSpan.FromMilliseconds(100) });
        var outages = new List<StoreOutage>();
        ingester.StoreUnavailable += outages.Add;

        var error = await Assert.ThrowsAsync<StoreGaveUpException>(() =>
            ingester.RunAsync(Directory.EnumerateFiles(_workspace.Corpus).Order(StringComparer.Ordinal), CancellationToken.None));

        Assert.Contains("store stayed unavailable", error.Message);
        // How many pauses fit in the wait limit depends on how late the machine wakes the run; their doubling does not.
        var pauses = outages.Select(o => (int)o.RetryIn.TotalMilliseconds).ToList();
        Assert.InRange(pauses.Count, 2, 4);
        Assert.Equal(pauses.Select((_, i) => 100 << i), pauses);
        Assert.Equal(pauses.Count + 1, unreachable.Calls);
        Assert.Equal(0, ingester.Progress.FilesDone);
        Assert.Equal(0, ingester.Progress.FilesFailed);
    }

    private async Task<IReadOnlyList<string>> DumpAsync()
    {
        await using var store = new Neo4jGraphStore(new HttpClient(), StoreOptions());
        return await GraphDump.CanonicalAsync(store);
    }

    /// <summary>A store that is never there, counting how often it was tried.</summary>
    private sealed class UnreachableStore : IGraphStore
    {
        public int Calls;

        public Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<KnowledgeGraph.Model.ExtractionResult> articles, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            throw new GraphStoreUnavailableException("test store is down");
        }

        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<GraphEntity> MergeEntitiesAsync(string keepId, string dropId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<GraphEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Page<GraphEntity>> SearchEntitiesAsync(EntitySearch search, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Neighbourhood> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<GraphPath?> FindShortestPathAsync(string fromId, string toId, int maxDepth, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Page<GraphRelation>> FindRelationsAsync(RelationFilter filter, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Page<GraphDeal>> FindDealsAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Evidence>> GetEvidenceAsync(IReadOnlyCollection<string> relationIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Page<GraphArticle>> FindArticlesAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string entityId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> GetTimelinesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, Page<GraphArticle>>> FindArticlesOfEntitiesAsync(IReadOnlyCollection<string> entityIds, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<Neighbourhood>> GetNeighbourhoodsAsync(IReadOnlyList<NeighbourhoodQuery> queries, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<GraphStats> GetStatsAsync(int topEntities, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Records what a run shows and lets the test wait for progress and for the outage notice.</summary>
    private sealed class OutageDisplay : IngestDisplay
    {
        private readonly TaskCompletionSource _outage = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IngestProgress? Progress { get; private set; }
        public List<string> Errors { get; } = [];

        public override void Error(string message)
        {
            lock (Errors) Errors.Add(message);
            if (message.StartsWith("the store is unavailable", StringComparison.Ordinal)) _outage.TrySetResult();
        }

        public Task WhenOutageReported() => _outage.Task.WaitAsync(TimeSpan.FromMinutes(2));

        protected override async Task ShowWhileAsync(IngestProgress progress, long totalFiles, Stopwatch clock, Task run)
        {
            Progress = progress;
            await run;
        }

        protected override void OnFailure(FileFailure failure) => Error($"{failure.Path}: {failure.Message}");

        protected override void Summarise(IngestProgress progress, long totalFiles, TimeSpan elapsed, IReadOnlyList<FileFailure> failures, RunOutcome outcome) =>
            Progress = progress;
    }
}
