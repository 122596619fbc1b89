using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.RegularExpressions;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// <c>kg bench generate</c> writes a synthetic corpus; <c>kg bench run</c> measures extraction, ingest and queries on it;
/// <c>kg bench api</c> compares GraphQL queries with the same store calls on a large synthetic graph.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Synthetic corpora and end-to-end benchmarks");
        bench.Subcommands.Add(Generate());
        bench.Subcommands.Add(Run());
        bench.Subcommands.Add(StoreBenchmark.Create());
        bench.Subcommands.Add(LoadCommand.Create());
        bench.Subcommands.Add(Api());
        return bench;
    }

    private static Command Generate()
    {
        var articles = new Option<int>("--articles") { Description = "How many articles", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same corpus", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Required = true, Description = "Folder to write NAME.txt and NAME.gold.json into" };
        var templates = new Option<string?>("--templates") { Description = "Sentence templates (TSV); default: the bundled Bench/sentence-templates.tsv" };
        var command = new Command("generate", "Write synthetic Chinese articles with gold annotations") { articles, seed, output, templates };
        command.SetAction(result =>
        {
            var count = result.GetValue(articles);
            if (count < 1)
            {
                Console.Error.WriteLine("kg bench generate: --articles must be at least 1");
                return 2;
            }
            var lexicon = new Lexicon(new LanguageResources(), OntologySchema.Default);
            var generator = new CorpusGenerator(lexicon, SentenceTemplate.Load(result.GetValue(templates) ?? SentenceTemplate.DefaultPath));
            var clock = Stopwatch.StartNew();
            generator.Write(result.GetValue(output)!, count, result.GetValue(seed));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} articles with gold annotations to {result.GetValue(output)} in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var corpus = new Option<string>("--corpus") { Required = true, Description = "Folder of articles, e.g. written by kg bench generate" };
        var api = new Option<string?>("--api") { Description = "Path to KnowledgeGraph.Api.dll; when given, GraphQL queries are measured against it" };
        var requests = new Option<int>("--requests") { Description = "GraphQL requests per operation", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent GraphQL clients", DefaultValueFactory = _ => 4 };
        var report = new Option<string?>("--report") { Description = "Also write the markdown table to this file" };
        var work = new Option<string?>("--work") { Description = "Folder for the benchmark's SQLite database (default: a new temp folder)" };
        var jitCosts = new Option<string?>("--jit-costs")
        {
            Description = "Also time each method the runtime compiles during the SQLite ingest (its JIT events) and write them to this TSV file, costliest first; the report adds the ten costliest",
        };
        var warmUp = new Option<int>("--warm-up")
        {
            Description = "Articles ingested into a scratch database before the timed ingests, then a wait until the runtime stops compiling; 0 times a cold ingest",
            DefaultValueFactory = _ => 500,
        };
        var store = new StoreOptions();
        var command = new Command("run", "Measure extraction, ingest into SQLite (and Neo4j when configured) and GraphQL queries") { corpus, api, requests, concurrency, report, work, jitCosts, warmUp };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(warmUp) < 0)
            {
                Console.Error.WriteLine("kg bench run: --warm-up must be 0 or more articles");
                return 2;
            }
            if (result.GetValue(jitCosts) is { } jitCostsPath && CannotWrite(jitCostsPath) is { } problem)
            {
                Console.Error.WriteLine($"kg bench run: cannot write --jit-costs {jitCostsPath}: {problem}");
                return 2;
            }
            var table = await MeasureAsync(result.GetValue(corpus)!, store.Read(result), result.GetValue(api), result.GetValue(requests),
                result.GetValue(concurrency), result.GetValue(work), result.GetValue(jitCosts), result.GetValue(warmUp), cancellationToken);
            Console.WriteLine(table);
            if (result.GetValue(report) is { } path) await File.WriteAllTextAsync(path, table, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Why a file cannot be written, found before a run of minutes rather than after it; null when it can.</summary>
    private static string? CannotWrite(string path)
    {
        try
        {
            File.WriteAllText(path, "");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static Command Api()
    {
        var entities = new Option<int>("--entities") { Description = "Entities in the synthetic graph", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the graph and of the sampled inputs", DefaultValueFactory = _ => 1 };
        var requests = new Option<int>("--requests") { Description = "Requests per operation, on each side", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent clients", DefaultValueFactory = _ => 4 };
        var report = new Option<string?>("--report") { Description = "Also write the markdown table to this file" };
        var work = new Option<string?>("--work") { Description = "Folder for the SQLite database; a rerun over the same folder reuses the graph" };
        var store = new StoreOptions();
        var command = new Command("api", "Lookup, search and 2-hop neighbourhood: the store called directly against GraphQL over loopback (kg serve)")
        {
            entities, seed, requests, concurrency, report, work,
        };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(entities) < 1 || result.GetValue(requests) < 1 || result.GetValue(concurrency) < 1)
            {
                Console.Error.WriteLine("kg bench api: --entities, --requests and --concurrency must be at least 1");
                return 2;
            }
            var settings = store.Read(result);
            if (settings.IsSqlite && result.GetValue(store.SqlitePathOption) is null)
            {
                var folder = result.GetValue(work) ?? Directory.CreateTempSubdirectory("kg-bench-api-").FullName;
                Directory.CreateDirectory(folder);
                settings.SqlitePath = Path.Combine(folder, $"synthetic-{result.GetValue(entities)}-{result.GetValue(seed)}.db");
            }
            var table = await ApiBenchmark.MeasureAsync(new ApiBenchSettings(result.GetValue(entities), result.GetValue(seed),
                result.GetValue(requests), result.GetValue(concurrency), settings), cancellationToken);
            Console.WriteLine(table);
            if (result.GetValue(report) is { } path) await File.WriteAllTextAsync(path, table, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task<string> MeasureAsync(string corpus, StoreSettings settings, string? apiDll, int requests, int concurrency,
        string? workFolder, string? jitCostsPath, int warmUpArticles, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        // Listening from the start, so that the listener's own code is compiled before the ingest it times.
        using var jit = jitCostsPath is null ? null : new JitCostListener();
        var articleCount = ArticleReader.EnumerateFiles([corpus]).Count();
        var startUp = Stopwatch.StartNew();
        var extractor = new ExtractionPipeline();
        startUp.Stop();
        rows.Add(Row("extraction start-up (dictionaries, lexicon, patterns)", $"{startUp.Elapsed.TotalMilliseconds:N0} ms", $"building the pipeline, before the first article"));

        var (characters, extractionTime, extractionCpuTime, extractionFailures) = MeasureExtraction(extractor, corpus, cancellationToken);
        rows.Add(Row("extraction, 1 thread", $"{characters / extractionTime.TotalSeconds:N0} chars/s per core",
            $"{characters:N0} chars in {extractionTime.TotalSeconds:F1} s after 20 warm-up files, {extractionFailures} failed; {characters / extractionCpuTime.TotalSeconds:N0} chars per CPU second of the process"));
        using (var process = Process.GetCurrentProcess())
            rows.Add(Row("peak memory after extraction", $"{process.PeakWorkingSet64 / (1024 * 1024):N0} MB", $"maximum resident set of this process so far"));

        var work = workFolder ?? Directory.CreateTempSubdirectory("kg-bench-").FullName;
        Directory.CreateDirectory(work);
        var sqlitePath = Path.Combine(work, "bench.db");
        IngestWarmUp.DeleteDatabase(sqlitePath);
        var sqlite = new StoreSettings { Store = "sqlite", SqlitePath = sqlitePath, SqliteWriterCacheMegabytes = settings.SqliteWriterCacheMegabytes };
        if (warmUpArticles > 0)
            rows.Add(Row("warm-up before the timed ingests", $"{warmUpArticles:N0} articles",
                $"{await IngestWarmUp.RunAsync(extractor, sqlite, corpus, warmUpArticles, cancellationToken)}"));
        rows.Add(await MeasureIngestAsync("ingest into SQLite (read, extract, store)", extractor, sqlite, corpus, jit, cancellationToken));
        if (jit is not null) rows.AddRange(JitCostReport.Write(jit, jitCostsPath!));
        if (settings.Neo4j.Uri is not null)
            rows.Add(await MeasureIngestAsync("ingest into Neo4j over HTTP (read, extract, store)", extractor, new StoreSettings { Store = "neo4j", Neo4j = settings.Neo4j }, corpus, null, cancellationToken));

        if (apiDll is not null)
        {
            var (ids, names) = await SampleAsync(sqlite, cancellationToken);
            await using var service = await ServiceProcess.StartAsync(apiDll, sqlitePath, cancellationToken);
            using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(30) };
            var load = new GraphQLLoad(http, concurrency);
            var byId = ids.Select(id => new Dictionary<string, object> { ["id"] = id }).ToList();
            var byName = names.Select(q => new Dictionary<string, object> { ["q"] = q }).ToList();
            foreach (var measured in new[]
                     {
                         await load.RunAsync("GraphQL entity lookup", GraphQLLoad.Lookup, byId, requests, cancellationToken),
                         await load.RunAsync("GraphQL search", GraphQLLoad.Search, byName, requests, cancellationToken),
                         await load.RunAsync("GraphQL 2-hop neighbourhood", GraphQLLoad.TwoHops, byId, requests, cancellationToken),
                     })
            {
                rows.Add(Row(measured.Operation, $"{measured.PerSecond:N0} queries/s",
                    $"p50 {measured.P50Milliseconds:F2} ms, p99 {measured.P99Milliseconds:F2} ms, {measured.Requests} requests, {concurrency} clients, {measured.Errors} errors"));
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {Path.GetFullPath(corpus)} ({articleCount} files); {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n")
               + "| measurement | rate | detail |\n|---|---:|---|\n" + string.Join("\n", rows) + "\n";
    }

    /// <summary>
    /// One thread over the whole corpus, after a warm-up, so the figure is per core. The process's CPU time over the
    /// same stretch is measured too: on a machine shared with other work it says more than the elapsed time. Ctrl+C (or
    /// SIGTERM) stops it between files: over 100,000 articles it runs for minutes.
    /// </summary>
    private static (long Characters, TimeSpan Elapsed, TimeSpan CpuTime, int Failed) MeasureExtraction(IArticleExtractor extractor, string corpus,
        CancellationToken cancellationToken)
    {
        // Streamed: a list would hold a string per file for the whole pass (about 11 MB at 100,000 files).
        var files = ArticleReader.EnumerateFiles([corpus]);
        long characters = 0;
        var failed = 0;
        var clock = new Stopwatch();
        var cpuTime = TimeSpan.Zero;
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var article in ArticleReader.ReadFile(file))
            {
                var warmUp = index < 20;
                var cpuBefore = Environment.CpuUsage.TotalTime;
                if (!warmUp) clock.Start();
                try
                {
                    extractor.Extract(article);
                    if (!warmUp) characters += article.Text.Length;
                }
                catch (RegexMatchTimeoutException e)
                {
                    failed++;
                    Console.Error.WriteLine($"kg bench: {file}: extraction failed: {e.Message}");
                }
                finally
                {
                    clock.Stop();
                    if (!warmUp) cpuTime += Environment.CpuUsage.TotalTime - cpuBefore;
                }
            }
        }
        return (characters, clock.Elapsed, cpuTime, failed);
    }

    private static async Task<string> MeasureIngestAsync(string label, IArticleExtractor extractor, StoreSettings settings, string corpus,
        JitCostListener? jit, CancellationToken cancellationToken)
    {
        await using var store = await GraphStoreFactory.OpenAsync(settings, cancellationToken);
        var ingester = new BulkIngester(extractor, store, IngestLedger.None(), new BulkIngestOptions(Environment.ProcessorCount, settings.DefaultBatchArticles));
        ingester.FileFailed += failure => Console.Error.WriteLine($"kg bench: {failure.Path}: {failure.Message}");
        var clock = Stopwatch.StartNew();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var jitBefore = JitInfo.GetCompilationTime();
        var methodsBefore = JitInfo.GetCompiledMethodCount();
        jit?.Start();
        // The run's start pays for compiling the store's code, the thread pool's growth and a writer waiting for its
        // first batch; timing from the first commit past one whole batch leaves what grows with the corpus.
        // The first commit alone (batches ramp up from an eighth of a whole one) is what a corpus of one batch can be
        // measured after: the store's code is compiled by then, so the rest compares with larger corpora per article.
        (TimeSpan Elapsed, TimeSpan CpuTime, long Articles)? warm = null;
        (TimeSpan Elapsed, TimeSpan CpuTime, long Articles)? firstCommit = null;
        ingester.BatchCommitted += () =>
        {
            firstCommit ??= (clock.Elapsed, Environment.CpuUsage.TotalTime, ingester.Progress.Articles);
            if (warm is null && ingester.Progress.Articles >= settings.DefaultBatchArticles)
                warm = (clock.Elapsed, Environment.CpuUsage.TotalTime, ingester.Progress.Articles);
        };
        await ingester.RunAsync(ArticleReader.EnumerateFiles([corpus]), cancellationToken);
        jit?.Stop();
        var elapsed = clock.Elapsed;
        var cpuTime = Environment.CpuUsage.TotalTime - cpuBefore;
        var jitTime = JitInfo.GetCompilationTime() - jitBefore;
        var methodsCompiled = JitInfo.GetCompiledMethodCount() - methodsBefore;
        var p = ingester.Progress;
        var rows = new List<string>
        {
            Row(label, $"{p.Articles / elapsed.TotalSeconds:N0} articles/s",
                $"whole run: {p.Articles} articles in {elapsed.TotalSeconds:F1} s ({elapsed.TotalMilliseconds / Math.Max(1, p.Articles):F2} ms/article), {cpuTime.TotalMilliseconds / Math.Max(1, p.Articles):F2} ms of the process's CPU per article, {jitTime.TotalSeconds:F2} s compiling code (JIT, {methodsCompiled:N0} methods), {Environment.ProcessorCount} workers, {p.FilesFailed} failed"),
        };
        var steadyArticles = p.Articles - (warm?.Articles ?? p.Articles);
        rows.Add(steadyArticles > 0
            ? Row($"{label}, after the first batch", $"{steadyArticles / (elapsed - warm!.Value.Elapsed).TotalSeconds:N0} articles/s",
                $"{(elapsed - warm.Value.Elapsed).TotalMilliseconds / steadyArticles:F2} ms/article and {(cpuBefore + cpuTime - warm.Value.CpuTime).TotalMilliseconds / steadyArticles:F2} ms of CPU per article over the {steadyArticles} articles after the first {warm.Value.Articles} were committed")
            : Row($"{label}, after the first batch", $"none", $"the corpus fits in the first {settings.DefaultBatchArticles} articles: only the whole run's figure above, start-up included"));
        var afterFirstCommit = p.Articles - (firstCommit?.Articles ?? p.Articles);
        if (afterFirstCommit > 0)
        {
            rows.Add(Row($"{label}, after the first commit", $"{afterFirstCommit / (elapsed - firstCommit!.Value.Elapsed).TotalSeconds:N0} articles/s",
                $"{(elapsed - firstCommit.Value.Elapsed).TotalMilliseconds / afterFirstCommit:F2} ms/article and {(cpuBefore + cpuTime - firstCommit.Value.CpuTime).TotalMilliseconds / afterFirstCommit:F2} ms of CPU per article over the {afterFirstCommit} articles after the first {firstCommit.Value.Articles}: start-up (the store's code compiled, the writer waiting for its first batch) left out"));
        }
        return string.Join("\n", rows);
    }

    /// <summary>Entity ids and two-character name fragments to query, spread over the most connected entities.</summary>
    private static async Task<(List<string> Ids, List<string> Names)> SampleAsync(StoreSettings sqlite, CancellationToken cancellationToken)
    {
        await using var store = await GraphStoreFactory.OpenAsync(sqlite, cancellationToken);
        var page = await store.SearchEntitiesAsync(new EntitySearch(), new PageRequest(PageRequest.MaxPageSize), cancellationToken);
        var entities = page.Items.Select(i => i.Node).ToList();
        if (entities.Count == 0) throw new InvalidOperationException("the benchmark store is empty: nothing was ingested");
        var names = entities.Select(e => e.ChineseName ?? e.Name).Where(n => n.Length >= 2).Select(n => n[..2]).Distinct().ToList();
        return (entities.Select(e => e.Id).ToList(), names);
    }

    private static string Row(string measurement, FormattableString rate, FormattableString detail) =>
        $"| {measurement} | {FormattableString.Invariant(rate)} | {FormattableString.Invariant(detail)} |";
}
