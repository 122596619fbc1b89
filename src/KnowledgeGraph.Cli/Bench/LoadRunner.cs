using System.Diagnostics;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Calls one operation from several concurrent clients and times each call: the same harness for the store called
/// directly and for the service over HTTP, so their figures compare.
/// </summary>
public static class LoadRunner
{
    public const int WarmUpCalls = 500;

    /// <param name="call">Performs call number i (callers pick their inputs by i); false when it failed.</param>
    /// <param name="cpuTime">
    /// The processor time of the process doing the work, read before and after: unlike latency it does not grow while
    /// the process waits for a core on a busy machine.
    /// </param>
    public static async Task<LoadResult> RunAsync(string operation, Func<int, CancellationToken, Task<bool>> call, int requests, int concurrency,
        CancellationToken cancellationToken, Func<TimeSpan>? cpuTime = null)
    {
        // Long enough for tiered compilation to finish with the hot paths; a short warm-up measures the JIT.
        for (var i = 0; i < Math.Min(WarmUpCalls, requests); i++) await call(i, cancellationToken);
        var latencies = new List<double>(requests);
        var errors = 0;
        var next = -1;
        var cpuBefore = cpuTime?.Invoke();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(i, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (!ok) errors++;
                }
            }
        }, cancellationToken)));
        var elapsed = clock.Elapsed;
        var cpu = cpuBefore is { } before ? cpuTime!() - before : (TimeSpan?)null;
        return LoadResult.From(operation, latencies, elapsed, errors, cpu);
    }
}
