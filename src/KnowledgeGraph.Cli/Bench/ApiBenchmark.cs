using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Cli.Bench;

public sealed record ApiBenchSettings(int Entities, int Seed, int Requests, int Concurrency, StoreSettings Store);

/// <summary>
/// <c>kg bench api</c>: an entity lookup, a search and a 2-hop neighbourhood on a synthetic graph, first called on the
/// store directly (in this process), then as GraphQL queries over loopback to <c>kg serve</c> running over the same
/// store in its own process, with the same inputs, harness and concurrency; the difference is the service's cost.
/// Two floors measured the same way, a fixed answer without GraphQL and <c>{ __typename }</c>, show how much of that
/// cost is transport.
/// </summary>
public static class ApiBenchmark
{
    private const int SampleSize = 1000;
    private const int NeighbourhoodLimit = 200;

    public static async Task<string> MeasureAsync(ApiBenchSettings settings, CancellationToken cancellationToken)
    {
        var graph = new SyntheticGraph(settings.Entities, settings.Seed);
        var random = new Random(settings.Seed);
        var ids = Enumerable.Range(0, SampleSize).Select(_ => SyntheticGraph.IdOf(random.Next(graph.Entities))).ToList();
        var searches = Enumerable.Range(0, SampleSize).Select(_ => graph.ChineseNameOf(random.Next(graph.Entities))[..2]).ToList();

        string built;
        LoadResult[] direct;
        var self = Process.GetCurrentProcess();
        TimeSpan OwnCpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }
        await using (var store = await GraphStoreFactory.OpenAsync(settings.Store, cancellationToken))
        {
            built = await EnsureGraphAsync(store, graph, cancellationToken);
            // Every operation once before any is measured: later operations must not pay for compiling shared code.
            direct = await MeasureTwiceAsync(
            [
                cancel => LoadRunner.RunAsync("entity lookup", async (i, token) =>
                    (await store.GetEntitiesAsync([ids[i % ids.Count]], token)).Count == 1, settings.Requests, settings.Concurrency, cancel, OwnCpu),
                cancel => LoadRunner.RunAsync("search", async (i, token) =>
                    (await store.SearchEntitiesAsync(new EntitySearch(searches[i % searches.Count]), new PageRequest(20), token)).TotalCount > 0,
                    settings.Requests, settings.Concurrency, cancel, OwnCpu),
                cancel => LoadRunner.RunAsync("2-hop neighbourhood", async (i, token) =>
                    (await store.GetNeighbourhoodAsync(new NeighbourhoodQuery(ids[i % ids.Count], 2, Direction.Both, null, NeighbourhoodLimit), token)).Nodes.Count > 0,
                    settings.Requests, settings.Concurrency, cancel, OwnCpu),
            ], cancellationToken);
        }

        var kg = typeof(ApiBenchmark).Assembly.Location;
        await using var service = await ServiceProcess.StartAsync(kg, ["serve"], ServiceEnvironment(settings.Store), cancellationToken);
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(60) };
        var load = new GraphQLLoad(http, settings.Concurrency, () => service.ProcessorTime);
        var byId = ids.Select(id => new Dictionary<string, object> { ["id"] = id }).ToList();
        var byName = searches.Select(q => new Dictionary<string, object> { ["q"] = q }).ToList();
        var viaGraphQL = await MeasureTwiceAsync(
        [
            cancel => load.RunAsync("entity lookup", GraphQLLoad.Lookup, byId, settings.Requests, cancel),
            cancel => load.RunAsync("search", GraphQLLoad.Search, byName, settings.Requests, cancel),
            cancel => load.RunAsync("2-hop neighbourhood", GraphQLLoad.TwoHops, byId, settings.Requests, cancel),
        ], cancellationToken);
        // What any request costs before GraphQL does anything, and what GraphQL costs before a resolver calls the store:
        // the part of each operation's figures that no faster store or resolver could remove.
        var floors = await MeasureTwiceAsync(
        [
            cancel => load.RunFixedAnswerAsync(HttpFloor, settings.Requests, cancel),
            cancel => load.RunAsync(GraphQLFloor, GraphQLLoad.TypeName, [new Dictionary<string, object>()], settings.Requests, cancel),
        ], cancellationToken);

        var rows = direct.Zip(viaGraphQL, (store, api) => string.Create(CultureInfo.InvariantCulture,
            $"| {store.Operation} | {store.PerSecond:N0} | {store.P50Milliseconds:F2} / {store.P99Milliseconds:F2} | {store.CpuMillisecondsPerRequest:F3} | {api.PerSecond:N0} | {api.P50Milliseconds:F2} / {api.P99Milliseconds:F2} | {api.CpuMillisecondsPerRequest:F3} | {Overhead(api.P50Milliseconds, store.P50Milliseconds)} | {Overhead(store.PerSecond, api.PerSecond)} | {Overhead(api.CpuMillisecondsPerRequest!.Value, store.CpuMillisecondsPerRequest!.Value)} | {store.Errors} / {api.Errors} |"));
        return string.Create(CultureInfo.InvariantCulture,
                   $"Graph: {graph.Entities:N0} synthetic entities (seed {settings.Seed}), {built}; store {settings.Store.Store}; ")
               + string.Create(CultureInfo.InvariantCulture,
                   $"{settings.Requests} requests per operation, measured in a second round after a first of all three (each with {LoadRunner.WarmUpCalls} warm-up calls), {settings.Concurrency} clients; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n")
               + "| operation | store q/s | store p50 / p99 ms | store CPU ms/query | GraphQL q/s | GraphQL p50 / p99 ms | service CPU ms/query | GraphQL over store: p50 | : time per query | : CPU per query | errors store / GraphQL |\n"
               + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
               + string.Join("\n", rows) + "\n\n"
               + Floors(floors, direct, viaGraphQL);
    }

    /// <summary>
    /// The floors, and each operation over the store once the HTTP floor is taken out of the GraphQL side: what is left
    /// to GraphQL itself (parsing the request, validation, execution, serialisation). The target is the first
    /// table's, the whole service over the store; this one only shows how much of that the transport takes.
    /// </summary>
    private static string Floors(LoadResult[] floors, LoadResult[] direct, LoadResult[] viaGraphQL)
    {
        var http = floors[0];
        var table = floors.Select(floor => string.Create(CultureInfo.InvariantCulture,
            $"| {floor.Operation} | {floor.PerSecond:N0} | {floor.P50Milliseconds:F2} / {floor.P99Milliseconds:F2} | {floor.CpuMillisecondsPerRequest:F3} | {floor.Errors} |"));
        var withoutHttp = direct.Zip(viaGraphQL, (store, api) => string.Create(CultureInfo.InvariantCulture,
            $"| {store.Operation} | {api.P50Milliseconds - http.P50Milliseconds:F2} | {Overhead(api.P50Milliseconds - http.P50Milliseconds, store.P50Milliseconds)} | {api.CpuMillisecondsPerRequest - http.CpuMillisecondsPerRequest:F3} | {Overhead(api.CpuMillisecondsPerRequest!.Value - http.CpuMillisecondsPerRequest!.Value, store.CpuMillisecondsPerRequest!.Value)} |"));
        return "Floors, measured the same way over the same client and service (the GraphQL columns above include them):\n\n"
               + "| request | q/s | p50 / p99 ms | service CPU ms/request | errors |\n|---|---:|---:|---:|---:|\n"
               + string.Join("\n", table) + "\n\n"
               + "GraphQL over the store with the HTTP floor taken out of the GraphQL side (p50 and service CPU less the first floor's): "
               + "how much is left to GraphQL itself. The issue's target is the whole service over the store, the first table.\n\n"
               + "| operation | GraphQL p50 less HTTP, ms | over store p50 | service CPU less HTTP, ms/query | over store CPU |\n|---|---:|---:|---:|---:|\n"
               + string.Join("\n", withoutHttp) + "\n";
    }

    private const string HttpFloor = "HTTP only: GET /health/live (a fixed 7-byte answer, no body, no GraphQL)";
    private const string GraphQLFloor = "GraphQL without the store: `{ __typename }`";

    /// <summary>Runs the operations in turn twice and keeps the second round.</summary>
    private static async Task<LoadResult[]> MeasureTwiceAsync(IReadOnlyList<Func<CancellationToken, Task<LoadResult>>> operations,
        CancellationToken cancellationToken)
    {
        foreach (var operation in operations) await operation(cancellationToken);
        var results = new LoadResult[operations.Count];
        for (var i = 0; i < operations.Count; i++) results[i] = await operations[i](cancellationToken);
        return results;
    }

    private static string Overhead(double slower, double faster) =>
        string.Create(CultureInfo.InvariantCulture, $"{(slower / faster - 1) * 100:+0;-0}%");

    /// <summary>Stores the synthetic graph unless the store already holds it (a rerun over the same --work folder).</summary>
    private static async Task<string> EnsureGraphAsync(IGraphStore store, SyntheticGraph graph, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(0, cancellationToken);
        var last = SyntheticGraph.IdOf(graph.Entities - 1);
        if (stats.Articles > 0)
        {
            if (stats.Articles == graph.Articles && (await store.GetEntitiesAsync([last], cancellationToken)).Count == 1)
                return Describe(stats, "already stored");
            throw new InvalidOperationException(
                $"the store already holds {stats.Articles} articles but not this synthetic graph; give an empty --work folder or store");
        }
        var clock = Stopwatch.StartNew();
        foreach (var batch in graph.Batches(500))
            await store.IngestAsync(batch, cancellationToken);
        var elapsed = clock.Elapsed;
        return Describe(await store.GetStatsAsync(0, cancellationToken), string.Create(CultureInfo.InvariantCulture, $"stored in {elapsed.TotalSeconds:F0} s"));
    }

    private static string Describe(GraphStats stats, string how) => string.Create(CultureInfo.InvariantCulture,
        $"{stats.EntitiesByType.Sum(t => t.Count):N0} entities, {stats.RelationsByType.Sum(t => t.Count):N0} relations, {stats.Articles:N0} articles, {stats.Deals:N0} deals ({how})");

    private static Dictionary<string, string> ServiceEnvironment(StoreSettings store)
    {
        var environment = new Dictionary<string, string>
        {
            ["KG__Store"] = store.Store,
            ["KG__Sqlite__Path"] = Path.GetFullPath(store.SqlitePath),
            ["KG__Neo4j__Database"] = store.Neo4j.Database,
        };
        if (store.Neo4j.Uri is not null) environment["KG__Neo4j__Uri"] = store.Neo4j.Uri.ToString();
        if (store.Neo4j.User is not null) environment["KG__Neo4j__User"] = store.Neo4j.User;
        if (store.Neo4j.Password is not null) environment["KG__Neo4j__Password"] = store.Neo4j.Password;
        return environment;
    }
}
