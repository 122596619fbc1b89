using System.Diagnostics;
using System.Runtime;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Ingests the corpus's first articles into a scratch database and waits for the runtime to finish compiling, so that
/// the timed ingest measures what grows with the corpus. Without it a 1,000-article run spends most of its second
/// with one runtime thread promoting about a thousand methods to optimised code, a fixed cost a 100,000-article run
/// spreads thin; the cold figure stays available with a warm-up of 0.
/// </summary>
internal static class IngestWarmUp
{
    private static readonly TimeSpan QuietPoll = TimeSpan.FromMilliseconds(250);
    private const int QuietPollsNeeded = 4;
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);

    public static async Task<string> RunAsync(IArticleExtractor extractor, StoreSettings sqlite, string corpus, int articles,
        CancellationToken cancellationToken)
    {
        var scratch = new StoreSettings { Store = "sqlite", SqlitePath = sqlite.SqlitePath + ".warm-up", SqliteWriterCacheMegabytes = sqlite.SqliteWriterCacheMegabytes };
        DeleteDatabase(scratch.SqlitePath!);
        var clock = Stopwatch.StartNew();
        var methodsBefore = JitInfo.GetCompiledMethodCount();
        long ingested;
        await using (var store = await GraphStoreFactory.OpenAsync(scratch, cancellationToken))
        {
            var ingester = new BulkIngester(extractor, store, IngestLedger.None(), new BulkIngestOptions(Environment.ProcessorCount, scratch.DefaultBatchArticles));
            await ingester.RunAsync(ArticleReader.EnumerateFiles([corpus]).Take(articles), cancellationToken);
            ingested = ingester.Progress.Articles;
        }
        var ingestTime = clock.Elapsed;
        var quiet = await WaitForCompilerQuietAsync(cancellationToken);
        DeleteDatabase(scratch.SqlitePath!);
        return FormattableString.Invariant(
            $"{ingested} articles ingested into a scratch database in {ingestTime.TotalSeconds:F1} s, then {(quiet ? "the compiler quiet" : "the compiler still busy")} after {(clock.Elapsed - ingestTime).TotalSeconds:F1} s more; {JitInfo.GetCompiledMethodCount() - methodsBefore:N0} methods compiled meanwhile");
    }

    /// <summary>Tiered compilation promotes hot methods on a background thread: quiet is a second with no new method.</summary>
    private static async Task<bool> WaitForCompilerQuietAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastCount = JitInfo.GetCompiledMethodCount();
        var quietPolls = 0;
        while (quietPolls < QuietPollsNeeded)
        {
            if (clock.Elapsed > LongestWait) return false;
            await Task.Delay(QuietPoll, cancellationToken);
            var count = JitInfo.GetCompiledMethodCount();
            quietPolls = count == lastCount ? quietPolls + 1 : 0;
            lastCount = count;
        }
        return true;
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
