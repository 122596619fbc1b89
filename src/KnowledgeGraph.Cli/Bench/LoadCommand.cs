using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// <c>kg bench load</c>: starts the service over a SQLite file, then for a fixed time keeps several clients busy on
/// loopback with a mix of lookups, searches, 2-hop neighbourhoods and article ingests, and reports the rate, latency
/// percentiles, errors and the service's resident memory before, during and after the load.
/// </summary>
public static class LoadCommand
{
    private const string ApiKey = "kg-bench-load-key";

    private const string Ingest =
        "mutation ($input: ArticleInput!) { ingestArticle(input: $input) { articleId status } }";

    private const string Sample = "{ entities(first: 200) { edges { node { id name chineseName } } } }";

    public static Command Create()
    {
        var api = new Option<string>("--api") { Required = true, Description = "Path to KnowledgeGraph.Api.dll" };
        var sqlite = new Option<string>("--sqlite-path") { Required = true, Description = "SQLite graph to serve, e.g. filled by kg ingest" };
        var corpus = new Option<string>("--corpus") { Required = true, Description = "Articles to send through the ingest mutation" };
        var minutes = new Option<double>("--minutes") { Description = "How long the load lasts", DefaultValueFactory = _ => 5 };
        var clients = new Option<int>("--concurrency") { Description = "Concurrent clients, each sending its next request when the last is answered", DefaultValueFactory = _ => 8 };
        var ingestShare = new Option<int>("--ingest-every") { Description = "One request in N is an article ingest", DefaultValueFactory = _ => 10 };
        var settle = new Option<int>("--settle-seconds") { Description = "Idle time after the load before memory is measured again", DefaultValueFactory = _ => 30 };
        var command = new Command("load", "Mixed GraphQL queries and ingests against the service for a fixed time") { api, sqlite, corpus, minutes, clients, ingestShare, settle };
        command.SetAction(async (result, cancellationToken) =>
        {
            var plan = new LoadPlan(result.GetValue(api)!, result.GetValue(sqlite)!, result.GetValue(corpus)!,
                TimeSpan.FromMinutes(result.GetValue(minutes)), result.GetValue(clients), result.GetValue(ingestShare),
                TimeSpan.FromSeconds(result.GetValue(settle)));
            if (plan.Clients < 1 || plan.IngestEvery < 1 || plan.Duration <= TimeSpan.Zero)
            {
                Console.Error.WriteLine("kg bench load: --minutes must be positive, --concurrency and --ingest-every at least 1");
                return 2;
            }
            var report = await RunAsync(plan, cancellationToken);
            Console.WriteLine(report.Text);
            return report.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private sealed record LoadPlan(string ApiDll, string SqlitePath, string Corpus, TimeSpan Duration, int Clients, int IngestEvery, TimeSpan Settle);

    private sealed record LoadReport(string Text, long Errors);

    private static async Task<LoadReport> RunAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        var articles = ArticleReader.EnumerateFiles([plan.Corpus]).SelectMany(ArticleReader.ReadFile).ToList();
        if (articles.Count == 0) throw new InvalidOperationException($"no articles in {plan.Corpus}");
        await using var service = await ServiceProcess.StartAsync(plan.ApiDll, plan.SqlitePath, cancellationToken,
            new Dictionary<string, string> { ["KG__ApiKeys__0"] = ApiKey });
        using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var (ids, fragments) = await SampleAsync(http, cancellationToken);
        var requests = new RequestMix(ids, fragments, articles, plan.IngestEvery);
        // The warm-up includes ingests, so the baseline holds the extraction pipeline that every later ingest uses.
        const int warmUp = 200;
        for (var i = 0; i < warmUp; i++) await SendAsync(http, requests.Next(i), cancellationToken);
        var baseline = ResidentMegabytes(service.ProcessId);

        var latencies = new Dictionary<string, List<double>>();
        var errors = new List<string>();
        long peak = 0, next = warmUp - 1;
        var clock = Stopwatch.StartNew();
        using var sampler = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var sampling = Task.Run(async () =>
        {
            while (clock.Elapsed < plan.Duration && await sampler.WaitForNextTickAsync(cancellationToken))
                Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), ResidentMegabytes(service.ProcessId)));
        }, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, plan.Clients).Select(async _ =>
        {
            while (clock.Elapsed < plan.Duration)
            {
                var request = requests.Next(Interlocked.Increment(ref next));
                var started = Stopwatch.GetTimestamp();
                var error = await SendAsync(http, request, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    if (!latencies.TryGetValue(request.Kind, out var list)) latencies[request.Kind] = list = [];
                    list.Add(elapsed);
                    if (error is not null) errors.Add($"{request.Kind}: {error}");
                }
            }
        }));
        var loadTime = clock.Elapsed;
        await sampling;
        var afterLoad = ResidentMegabytes(service.ProcessId);
        await Task.Delay(plan.Settle, cancellationToken);
        var settled = ResidentMegabytes(service.ProcessId);

        var all = latencies.Values.SelectMany(l => l).ToList();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"kg bench load: {plan.Clients} clients for {loadTime.TotalSeconds:F0} s against {service.Address} ({Environment.ProcessorCount} cores), one request in {plan.IngestEvery} an ingest"),
            "",
            "| requests | count | rate | p50 | p99 | errors |",
            "|---|---:|---:|---:|---:|---:|",
            Row("all", all, loadTime, errors.Count),
        };
        foreach (var (kind, list) in latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
            lines.Add(Row(kind, list, loadTime, errors.Count(e => e.StartsWith(kind + ":", StringComparison.Ordinal))));
        lines.Add("");
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"service RSS: {baseline} MB after warm-up, {peak} MB peak under load, {afterLoad} MB when the load stopped, {settled} MB after {plan.Settle.TotalSeconds:F0} s idle"));
        foreach (var error in errors.Take(10)) lines.Add("error: " + error);
        return new LoadReport(string.Join("\n", lines), errors.Count);
    }

    private static string Row(string kind, List<double> latencies, TimeSpan elapsed, int errors)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {latencies.Count} | {latencies.Count / elapsed.TotalSeconds:F1}/s | {Percentile(0.5):F1} ms | {Percentile(0.99):F1} ms | {errors} |");
    }

    /// <summary>The error of a request that failed, or null when it was answered without errors.</summary>
    private static async Task<string?> SendAsync(HttpClient http, LoadRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query = request.Query, variables = request.Variables }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}: {Shorten(body)}";
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errors", out var errors) ? Shorten(errors.ToString()) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static async Task<(List<string> Ids, List<string> Fragments)> SampleAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Sample }, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var nodes = document.RootElement.GetProperty("data").GetProperty("entities").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).ToList();
        if (nodes.Count == 0) throw new InvalidOperationException("the served graph is empty; fill it first, e.g. with kg ingest");
        var ids = nodes.Select(n => n.GetProperty("id").GetString()!).ToList();
        var fragments = nodes.Select(n => n.GetProperty("chineseName").GetString() ?? n.GetProperty("name").GetString()!)
            .Where(n => n.Length >= 2).Select(n => n[..2]).Distinct().ToList();
        return (ids, fragments);
    }

    /// <summary>Resident memory of a process in MB, from /proc (Linux); the load test runs on the same machine.</summary>
    private static long ResidentMegabytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line");
    }

    private sealed record LoadRequest(string Kind, string Query, Dictionary<string, object> Variables);

    /// <summary>Which request comes n-th: every IngestEvery-th an ingest of a new copy of a corpus article, else queries in turn.</summary>
    private sealed class RequestMix(List<string> ids, List<string> fragments, List<Article> articles, int ingestEvery)
    {
        public LoadRequest Next(long n) => n % ingestEvery == ingestEvery - 1 ? IngestOf(n) : Query(n);

        public LoadRequest Query(long n) => (n % 3) switch
        {
            0 => new("lookup", GraphQLLoad.Lookup, new() { ["id"] = ids[(int)(n / 3 % ids.Count)] }),
            1 => new("search", GraphQLLoad.Search, new() { ["q"] = fragments[(int)(n / 3 % fragments.Count)] }),
            _ => new("2-hop", GraphQLLoad.TwoHops, new() { ["id"] = ids[(int)(n / 3 % ids.Count)] }),
        };

        private LoadRequest IngestOf(long n)
        {
            var article = articles[(int)(n % articles.Count)];
            // A URL of its own makes every ingest a new article, so each one really writes.
            var input = new Dictionary<string, object?>
            {
                ["title"] = article.Title,
                ["text"] = article.Text,
                ["url"] = $"https://load.test/{n}",
            };
            return new("ingest", Ingest, new() { ["input"] = input });
        }
    }
}
