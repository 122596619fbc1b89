using System.Security.Cryptography;
using System.Threading.Channels;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Cli.Ingestion;

public sealed record BulkIngestOptions(int Parallelism, int BatchArticles = 200)
{
    public int Parallelism { get; } = Parallelism >= 1 ? Parallelism : throw new ArgumentOutOfRangeException(nameof(Parallelism), "must be at least 1");
    public int BatchArticles { get; } = BatchArticles >= 1 ? BatchArticles : throw new ArgumentOutOfRangeException(nameof(BatchArticles), "must be at least 1");

    /// <summary>How long a batch waits for an unavailable store, retrying with growing pauses, before the run gives up.</summary>
    public TimeSpan StoreWaitLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first pause after the store is found unavailable; each later pause doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>A batch found the store unavailable; it is tried again after <see cref="RetryIn"/>.</summary>
public sealed record StoreOutage(int Attempt, TimeSpan RetryIn, string Message);

/// <summary>The store stayed unavailable longer than the run was willing to wait; committed batches are kept.</summary>
public sealed class StoreGaveUpException(TimeSpan waited, GraphStoreUnavailableException last)
    : Exception($"the store stayed unavailable for {waited.TotalSeconds:F0} s: {last.Message}", last);

/// <summary>
/// Reads and extracts files on <see cref="BulkIngestOptions.Parallelism"/> workers, hands each file's results through a
/// bounded channel to one writer, which stores them in batches, in file order. Only the files in flight (at most a batch
/// more than the writer holds) are held in memory, so memory does not grow with the corpus. A file is recorded as done only after the batch holding it commits.
/// </summary>
public sealed class BulkIngester(IArticleExtractor extractor, IGraphStore store, IngestLedger ledger, BulkIngestOptions options)
{
    public IngestProgress Progress { get; } = new();

    /// <summary>Raised from worker or writer threads when a file is given up on.</summary>
    public event Action<FileFailure>? FileFailed;

    /// <summary>Raised by the writer each time a batch finds the store unavailable, before it waits and tries again.</summary>
    public event Action<StoreOutage>? StoreUnavailable;

    /// <summary>Raised by the writer when a batch commits after the store was unavailable; the argument counts the failed attempts.</summary>
    public event Action<int>? StoreRecovered;

    /// <summary>Raised by the writer after each batch commits, once <see cref="Progress"/> counts it.</summary>
    public event Action? BatchCommitted;

    public async Task RunAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        // Extractions run out of order but are stored in file order: relations aggregated across articles keep
        // attributes by arrival, so the same order makes a resumed run build exactly the graph an unbroken one does.
        // The queue holds a whole batch, so workers extract the next batch while the writer stores this one.
        var channel = Channel.CreateBounded<Task<FileExtraction?>>(new BoundedChannelOptions(Math.Max(options.Parallelism * 4, options.BatchArticles))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stopProducing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ExtractAllAsync(files, channel.Writer, stopProducing.Token);
        var writer = StoreAllAsync(channel.Reader, cancellationToken);
        try
        {
            await writer;
        }
        finally
        {
            // A writer that stopped reads no more, so a producer waiting on the full channel must be told to stop too.
            if (!writer.IsCompletedSuccessfully) await stopProducing.CancelAsync();
        }
        await producer;
    }

    private async Task ExtractAllAsync(IEnumerable<string> files, ChannelWriter<Task<FileExtraction?>> output, CancellationToken cancellationToken)
    {
        // Not disposed: workers still running when a run is cancelled release it afterwards.
        var workers = new SemaphoreSlim(options.Parallelism);
        try
        {
            foreach (var file in files)
            {
                await workers.WaitAsync(cancellationToken);
                var extraction = Task.Run(() =>
                {
                    try
                    {
                        return Extract(file);
                    }
                    finally
                    {
                        workers.Release();
                    }
                }, CancellationToken.None);
                await output.WriteAsync(extraction, cancellationToken);
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>The file's articles extracted, or null when it was skipped or failed (already counted and reported).</summary>
    private FileExtraction? Extract(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists) throw new ArticleReadException(file, "file not found");
            if (info.Length > ArticleReader.MaxFileBytes)
                throw new ArticleReadException(file, $"file is {info.Length} bytes, over the limit of {ArticleReader.MaxFileBytes}");
            var bytes = File.ReadAllBytes(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (ledger.Contains(hash))
            {
                Progress.FileSkipped();
                return null;
            }
            var articles = ArticleReader.Read(bytes, file);
            var results = new List<ExtractionResult>(articles.Count);
            long characters = 0;
            foreach (var article in articles)
            {
                results.Add(extractor.Extract(article));
                characters += article.Text.Length;
            }
            return new FileExtraction(file, hash, results, characters);
        }
        catch (Exception e) when (e is ArticleReadException or IOException or UnauthorizedAccessException)
        {
            Fail(file, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One article that trips the extractor must not stop thousands of others; the message names the file.
            Fail(file, $"extraction failed: {e.GetType().Name}: {e.Message}");
        }
        return null;
    }

    /// <summary>
    /// The first batches are smaller (an eighth of <see cref="BulkIngestOptions.BatchArticles"/>, doubling): until the
    /// writer has a batch, the workers extract alone, and while it stores the last one, they are idle. With whole batches
    /// from the start, an ingest of one batch ran extraction and storage one after the other.
    /// </summary>
    private async Task StoreAllAsync(ChannelReader<Task<FileExtraction?>> input, CancellationToken cancellationToken)
    {
        var batch = new List<FileExtraction>();
        var articles = 0;
        var batchArticles = Math.Max(1, options.BatchArticles / 8);
        await foreach (var extraction in input.ReadAllAsync(cancellationToken))
        {
            if (await extraction is not { } file) continue;
            batch.Add(file);
            articles += file.Results.Count;
            if (articles < batchArticles) continue;
            await StoreAsync(batch, cancellationToken);
            // Dropped before the collection: collected while still listed here, the stored batch's extractions were
            // moved to the oldest generation and stayed there, dead, beside the next batch until the collection after it.
            // The last batch needs none: nothing is read after it.
            batch.Clear();
            ReleaseBatchMemory();
            articles = 0;
            batchArticles = Math.Min(options.BatchArticles, batchArticles * 2);
        }
        if (batch.Count > 0) await StoreAsync(batch, cancellationToken);
    }

    private async Task StoreAsync(IReadOnlyList<FileExtraction> files, CancellationToken cancellationToken)
    {
        try
        {
            await IngestWhenAvailableAsync(files.SelectMany(f => f.Results).ToList(), cancellationToken);
            Committed(files);
        }
        catch (Exception e) when (e is not (OperationCanceledException or StoreGaveUpException) && files.Count > 1)
        {
            // The batch was one transaction and nothing of it was kept; storing file by file finds the culprit.
            foreach (var file in files) await StoreAsync([file], cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or StoreGaveUpException))
        {
            Fail(files[0].Path, $"storing failed: {e.Message}");
        }
    }

    /// <summary>
    /// Called once a stored batch is no longer referenced. A committed batch's extractions waited in the channel and
    /// the batch long enough to reach the oldest generation, and its rows were bound as large arrays, which only a full
    /// collection frees; left to the collector's budget, the dead batches kept the heap 40-70 MB above what is alive by
    /// 10,000-50,000 articles. Collected here, once per batch, the heap stays near the live data. The store also freed
    /// its native work memory all over glibc's arenas, which keep it unless told. Over 100,000 articles the peak fell
    /// from 375 to 265 MB for 7% more CPU in one pair of runs; at 10,000 the collection cost nothing measurable
    /// (docs/benchmarks.md, session 10).
    /// </summary>
    private static void ReleaseBatchMemory()
    {
        NativeHeap.Trim();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    /// <summary>
    /// Stores one batch, waiting out an unavailable store with doubling pauses. Trying the same batch again is safe: a
    /// failed call kept nothing, and a call whose answer was lost after its commit finds its articles unchanged.
    /// </summary>
    private async Task IngestWhenAvailableAsync(IReadOnlyList<ExtractionResult> articles, CancellationToken cancellationToken)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.IngestAsync(articles, cancellationToken);
                if (attempt > 1) StoreRecovered?.Invoke(attempt - 1);
                return;
            }
            catch (GraphStoreUnavailableException e)
            {
                if (waiting.Elapsed + delay > options.StoreWaitLimit) throw new StoreGaveUpException(waiting.Elapsed, e);
                StoreUnavailable?.Invoke(new StoreOutage(attempt, delay, e.Message));
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }

    private void Committed(IReadOnlyList<FileExtraction> files)
    {
        ledger.Record(files.Select(f => (f.Hash, f.Path)));
        Progress.Stored(
            files.Count,
            files.Sum(f => f.Results.Count),
            files.Sum(f => f.Results.Sum(r => r.Entities.Count)),
            files.Sum(f => f.Results.Sum(r => r.Relations.Count)),
            files.Sum(f => f.Characters));
        BatchCommitted?.Invoke();
    }

    private void Fail(string path, string message)
    {
        Progress.FileFailed();
        FileFailed?.Invoke(new FileFailure(path, message));
    }

    private sealed record FileExtraction(string Path, string Hash, IReadOnlyList<ExtractionResult> Results, long Characters);
}
