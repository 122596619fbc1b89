using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Ingests the corpus's first articles into a scratch database, round after round, until a round leaves the runtime
/// almost nothing to compile, so that the timed ingest measures what grows with the corpus. Without it a
/// 1,000-article run spends most of its second with one runtime thread promoting about a thousand methods to optimised
/// code, a fixed cost a 100,000-article run spreads thin. One round is not enough: a method is promoted only after 30
/// calls counted once the start-up burst of compiling has calmed, and the store's per-batch methods are called a few
/// times a round. The cold figure stays available with a warm-up of 0.
/// </summary>
internal static class IngestWarmUp
{
    private static readonly TimeSpan QuietPoll = TimeSpan.FromMilliseconds(250);
    private const int QuietPollsNeeded = 4;
    private static readonly TimeSpan LongestQuietWait = TimeSpan.FromSeconds(20);
    private const int MostRounds = 6;
    private const int SettledRoundCompiles = 25;

    public static async Task<string> RunAsync(IArticleExtractor extractor, StoreSettings sqlite, string corpus, int articles,
        CancellationToken cancellationToken)
    {
        var scratch = new StoreSettings { Store = "sqlite", SqlitePath = sqlite.SqlitePath + ".warm-up", SqliteWriterCacheMegabytes = sqlite.SqliteWriterCacheMegabytes };
        var clock = Stopwatch.StartNew();
        var compilesPerRound = new List<long>();
        var quiet = false;
        long ingested = 0;
        while (compilesPerRound.Count < MostRounds && (compilesPerRound.Count == 0 || compilesPerRound[^1] >= SettledRoundCompiles))
        {
            var methodsBefore = JitInfo.GetCompiledMethodCount();
            ingested = await IngestIntoScratchAsync(extractor, scratch, corpus, articles, cancellationToken);
            quiet = await WaitForCompilerQuietAsync(cancellationToken);
            compilesPerRound.Add(JitInfo.GetCompiledMethodCount() - methodsBefore);
        }
        return FormattableString.Invariant(
            $"{compilesPerRound.Count} rounds of {ingested} articles into a scratch database in {clock.Elapsed.TotalSeconds:F1} s, methods compiled per round {string.Join(", ", compilesPerRound.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}{(quiet ? "" : "; the compiler still busy at the end")}");
    }

    private static async Task<long> IngestIntoScratchAsync(IArticleExtractor extractor, StoreSettings scratch, string corpus, int articles,
        CancellationToken cancellationToken)
    {
        DeleteDatabase(scratch.SqlitePath!);
        try
        {
            await using var store = await GraphStoreFactory.OpenAsync(scratch, cancellationToken);
            var ingester = new BulkIngester(extractor, store, IngestLedger.None(), new BulkIngestOptions(Environment.ProcessorCount, scratch.DefaultBatchArticles));
            await ingester.RunAsync(ArticleReader.EnumerateFiles([corpus]).Take(articles), cancellationToken);
            return ingester.Progress.Articles;
        }
        finally
        {
            DeleteDatabase(scratch.SqlitePath!);
        }
    }

    /// <summary>Tiered compilation promotes hot methods on a background thread: quiet is a second with no new method.</summary>
    private static async Task<bool> WaitForCompilerQuietAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastCount = JitInfo.GetCompiledMethodCount();
        var quietPolls = 0;
        while (quietPolls < QuietPollsNeeded)
        {
            if (clock.Elapsed > LongestQuietWait) return false;
            await Task.Delay(QuietPoll, cancellationToken);
            var count = JitInfo.GetCompiledMethodCount();
            quietPolls = count == lastCount ? quietPolls + 1 : 0;
            lastCount = count;
        }
        return true;
    }

    /// <summary>A SQLite database with its write-ahead log and shared-memory index, so a rerun starts from nothing.</summary>
    internal static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
