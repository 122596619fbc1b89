using System.CommandLine;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Ingestion;

/// <summary><c>kg ingest PATH...</c>: extract articles in parallel and store them in the graph, resumably.</summary>
public static class IngestCommand
{
    public const int ExitFilesFailed = 1;
    public const int ExitSetupFailed = 2;
    public const int ExitStoreUnavailable = 3;
    public const int ExitCancelled = 130;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Article files or folders (searched recursively)" };
        var parallel = new Option<int>("--parallel") { Description = "Extraction workers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int?>("--batch") { Description = "Articles per store transaction (default 1000 for SQLite, 200 for Neo4j)" };
        var ledger = new Option<string?>("--ledger") { Description = "File of content hashes already ingested, to skip on a rerun (SQLite default: beside the database)" };
        var rescan = new Option<bool>("--rescan") { Description = "Read every file again even if the ledger lists it; the store still adds no duplicates" };
        var storeWait = new Option<int>("--store-wait") { Description = "Seconds a batch keeps retrying an unavailable store before the run stops", DefaultValueFactory = _ => 600 };
        var store = new StoreOptions();
        var command = new Command("ingest", "Extract articles and store them in the graph (resumable, idempotent)") { paths, parallel, batch, ledger, rescan, storeWait };
        store.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var settings = store.Read(result);
            var request = new IngestRequest(result.GetValue(paths)!, settings, result.GetValue(parallel),
                result.GetValue(batch) ?? settings.DefaultBatchArticles, result.GetValue(ledger), result.GetValue(rescan),
                TimeSpan.FromSeconds(result.GetValue(storeWait)));
            return RunAsync(request, IngestDisplay.ForConsole(), cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IngestRequest request, IngestDisplay display, CancellationToken cancellationToken)
    {
        if (request.Parallelism < 1 || request.BatchArticles < 1 || request.StoreWait < TimeSpan.Zero)
        {
            display.Error("--parallel and --batch must be at least 1, --store-wait at least 0");
            return ExitSetupFailed;
        }
        var missing = request.Paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            display.Error($"no such file or folder: {string.Join(", ", missing)}");
            return ExitSetupFailed;
        }
        try
        {
            var ledgerPath = LedgerPath(request);
            await using var store = await GraphStoreFactory.OpenAsync(request.Store, cancellationToken);
            using var ledger = ledgerPath is null || request.Rescan ? IngestLedger.None() : IngestLedger.Open(ledgerPath);
            var ingester = new BulkIngester(new ExtractionPipeline(), store, ledger, new BulkIngestOptions(request.Parallelism, request.BatchArticles)
            {
                StoreWaitLimit = request.StoreWait,
                FirstRetryDelay = request.FirstRetryDelay,
            });
            var totalFiles = ArticleReader.EnumerateFiles(request.Paths).LongCount();
            var outcome = await display.ShowAsync(ingester, totalFiles,
                token => ingester.RunAsync(ArticleReader.EnumerateFiles(request.Paths), token), cancellationToken);
            if (outcome == RunOutcome.Cancelled) return ExitCancelled;
            return ingester.Progress.FilesFailed == 0 ? 0 : ExitFilesFailed;
        }
        catch (StoreGaveUpException e)
        {
            display.Error($"stopped: {e.Message}; every committed batch is kept, run the same command again to resume");
            return ExitStoreUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            display.Error("cancelled before ingestion started");
            return ExitCancelled;
        }
        catch (Exception e) when (e is InvalidOperationException or GraphStoreUnavailableException or IOException)
        {
            display.Error($"cannot open the {request.Store.Store} store: {e.Message}");
            return ExitSetupFailed;
        }
    }

    /// <summary>
    /// SQLite keeps the ledger beside its database; a ledger without its database is stale and starts over.
    /// Neo4j has no ledger unless one is named: files are re-extracted and the store leaves known articles unchanged.
    /// </summary>
    private static string? LedgerPath(IngestRequest request)
    {
        if (request.LedgerPath is not null) return request.LedgerPath;
        if (!request.Store.IsSqlite) return null;
        var database = Path.GetFullPath(request.Store.SqlitePath);
        var ledger = database + ".ingested";
        if (!File.Exists(database)) File.Delete(ledger);
        return ledger;
    }
}

public sealed record IngestRequest(
    IReadOnlyList<string> Paths,
    StoreSettings Store,
    int Parallelism,
    int BatchArticles = 200,
    string? LedgerPath = null,
    bool Rescan = false,
    TimeSpan? StoreWaitLimit = null)
{
    public TimeSpan StoreWait => StoreWaitLimit ?? TimeSpan.FromMinutes(10);

    /// <summary>The first pause when the store is unavailable; later pauses double.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
