using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// <c>kg bench store</c>: the graph store alone, without extraction. Ingests synthetic extraction results in batches,
/// then measures entity lookup, search and the 2-hop neighbourhood on the graph it built.
/// </summary>
public static class StoreBenchmark
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Synthetic articles to ingest", DefaultValueFactory = _ => 10_000 };
        var entities = new Option<int>("--entities") { Description = "Entity pool the articles draw from", DefaultValueFactory = _ => 10_000 };
        var entitiesPerArticle = new Option<int>("--entities-per-article") { DefaultValueFactory = _ => 11 };
        var relationsPerArticle = new Option<int>("--relations-per-article") { DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Articles per IngestAsync call (one transaction)", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var queries = new Option<int>("--queries") { Description = "Requests per query kind (0: ingest only)", DefaultValueFactory = _ => 1000 };
        queries.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--queries must be 0 or more");
        });
        var skipIngest = new Option<bool>("--skip-ingest") { Description = "Only query a store an earlier run with the same options built" };
        var store = new StoreOptions();
        var command = new Command("store", "Ingest synthetic extraction results (no extraction) and query the graph, on SQLite or Neo4j")
        {
            articles, entities, entitiesPerArticle, relationsPerArticle, batch, seed, queries, skipIngest,
        };
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = store.Read(result);
            var synthetic = new SyntheticExtractions(result.GetValue(entities), result.GetValue(entitiesPerArticle),
                result.GetValue(relationsPerArticle), result.GetValue(seed));
            await using var graph = await GraphStoreFactory.OpenAsync(settings, cancellationToken);
            var rows = new List<string>();
            if (!result.GetValue(skipIngest))
            {
                var existing = await graph.GetStatsAsync(0, cancellationToken);
                if (existing.Articles > 0)
                {
                    Console.Error.WriteLine($"kg bench store: the {settings.Store} store already holds {existing.Articles} articles; give an empty one or --skip-ingest");
                    return 2;
                }
                rows.AddRange(await IngestAsync(graph, synthetic, result.GetValue(articles), result.GetValue(batch), cancellationToken));
            }
            if (result.GetValue(queries) > 0)
                rows.AddRange(await QueryAsync(graph, synthetic, result.GetValue(entities), result.GetValue(queries), result.GetValue(seed), cancellationToken));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Store {settings.Store}; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n| measurement | rate | detail |\n|---|---:|---|"));
            foreach (var row in rows) Console.WriteLine(row);
            return 0;
        });
        return command;
    }

    private static async Task<List<string>> IngestAsync(IGraphStore graph, SyntheticExtractions synthetic, int articles, int batchSize,
        CancellationToken cancellationToken)
    {
        var ingestTime = new Stopwatch();
        var cpu = TimeSpan.Zero;
        long relations = 0;
        var tenth = Math.Max(1, articles / 10);
        var sliceTime = TimeSpan.Zero;
        var sliceCpu = TimeSpan.Zero;
        var sliceArticles = 0;
        var slices = new List<string>();
        var cpuSlices = new List<string>();
        for (var start = 0; start < articles; start += batchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(batchSize, articles - start)).Select(synthetic.Article).ToList();
            relations += batch.Sum(a => a.Relations.Count);
            var before = ingestTime.Elapsed;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            ingestTime.Start();
            await graph.IngestAsync(batch, cancellationToken);
            ingestTime.Stop();
            var batchCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            cpu += batchCpu;
            sliceCpu += batchCpu;
            sliceTime += ingestTime.Elapsed - before;
            sliceArticles += batch.Count;
            if (sliceArticles >= tenth || start + batchSize >= articles)
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{start + batch.Count} articles: {sliceTime.TotalMilliseconds / sliceArticles:F3} ms/article ({sliceCpu.TotalMilliseconds / sliceArticles:F3} ms CPU) over the last {sliceArticles}, working set {Environment.WorkingSet / (1 << 20)} MB");
                Console.Error.WriteLine(line);
                slices.Add(string.Create(CultureInfo.InvariantCulture, $"{sliceTime.TotalMilliseconds / sliceArticles:F2}"));
                cpuSlices.Add(string.Create(CultureInfo.InvariantCulture, $"{sliceCpu.TotalMilliseconds / sliceArticles:F2}"));
                sliceTime = TimeSpan.Zero;
                sliceCpu = TimeSpan.Zero;
                sliceArticles = 0;
            }
        }
        var seconds = ingestTime.Elapsed.TotalSeconds;
        return
        [
            Row("ingest, relations/s", $"{relations / seconds:N0}", $"{relations:N0} relations of {articles:N0} articles in {seconds:F1} s, batches of {batchSize}"),
            // The client's own CPU time: for SQLite all the work, for Neo4j only the client's share. Less noisy than the clock on a busy machine.
            Row("ingest, relations per CPU second of this process", $"{relations / cpu.TotalSeconds:N0}", $"{cpu.TotalSeconds:F1} s of CPU"),
            Row("ingest, articles/s", $"{articles / seconds:N0}", $"ms/article by tenth of the run: {string.Join(", ", slices)}"),
            // Per tenth, so that whether the cost per article grows with the store shows through a shared machine's load.
            Row("ingest, CPU ms/article", $"{cpu.TotalMilliseconds / articles:F2}", $"by tenth of the run: {string.Join(", ", cpuSlices)}"),
        ];
    }

    private static async Task<List<string>> QueryAsync(IGraphStore graph, SyntheticExtractions synthetic, int entityPool, int queries, int seed,
        CancellationToken cancellationToken)
    {
        var stats = await graph.GetStatsAsync(1, cancellationToken);
        var random = new Random(seed);
        var ids = Enumerable.Range(0, queries).Select(_ => SyntheticExtractions.EntityId(random.Next(entityPool))).ToList();
        var fragments = Enumerable.Range(0, queries).Select(_ => synthetic.ChineseNameOf(random.Next(entityPool))[..2]).ToList();
        var prefixes = Enumerable.Range(0, queries).Select(_ => $"syn{random.Next(entityPool)}").ToList();
        var rows = new List<string>
        {
            Row("graph size", $"{stats.EntitiesByType.Sum(t => t.Count):N0} entities",
                $"{stats.RelationsByType.Sum(t => t.Count):N0} relations, {stats.Articles:N0} articles; most connected: {stats.MostConnected.FirstOrDefault()?.Degree} edges"),
        };
        var neighbourhoodSizes = new List<int>();
        rows.Add(await TimeAsync("entity lookup", ids, id => graph.GetEntitiesAsync([id], cancellationToken)));
        rows.Add(await TimeAsync("search, 2 Chinese characters (first page of 20)", fragments,
            q => graph.SearchEntitiesAsync(new EntitySearch(q), new PageRequest(20), cancellationToken)));
        rows.Add(await TimeAsync("search, English word prefix (first page of 20)", prefixes,
            q => graph.SearchEntitiesAsync(new EntitySearch(q), new PageRequest(20), cancellationToken)));
        rows.Add(await TimeAsync("2-hop neighbourhood, both directions, limit 200", ids, async id =>
        {
            var found = await graph.GetNeighbourhoodAsync(new NeighbourhoodQuery(id, 2), cancellationToken);
            neighbourhoodSizes.Add(found.Nodes.Count);
        }));
        neighbourhoodSizes.Sort();
        rows.Add(Row("2-hop neighbourhood size", $"{neighbourhoodSizes[neighbourhoodSizes.Count / 2]} nodes (median)",
            $"{neighbourhoodSizes.Count(n => n >= 200)} of {neighbourhoodSizes.Count} reached the limit"));
        return rows;
    }

    /// <summary>
    /// One request at a time after 20 warm-up requests; p50 and p99 of the rest, and the process's CPU per request,
    /// which for SQLite is all the work and, on a shared machine, steadier than the clock.
    /// </summary>
    private static async Task<string> TimeAsync<T>(string operation, IReadOnlyList<T> arguments, Func<T, Task> request)
    {
        foreach (var argument in arguments.Take(20)) await request(argument);
        var latencies = new List<double>(arguments.Count);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        foreach (var argument in arguments)
        {
            var clock = Stopwatch.StartNew();
            await request(argument);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        var result = LoadResult.From(operation, latencies, total.Elapsed, 0, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
        // As each operation ends, so that a slow one is known before the table, which waits for the last.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{operation}: p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms, {total.Elapsed.TotalSeconds:F1} s for {result.Requests}"));
        return Row(operation, $"{result.PerSecond:N0} queries/s",
            $"p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms, {result.CpuMillisecondsPerRequest:F2} ms CPU per request, {result.Requests} requests one at a time");
    }

    private static string Row(string measurement, FormattableString rate, FormattableString detail) =>
        $"| {measurement} | {FormattableString.Invariant(rate)} | {FormattableString.Invariant(detail)} |";
}
