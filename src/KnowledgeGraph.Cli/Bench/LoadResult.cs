namespace KnowledgeGraph.Cli.Bench;

public sealed record LoadResult(string Operation, int Requests, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds, int Errors,
    TimeSpan? ProcessorTime = null)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Processor time the working process spent per request, when it was measured.</summary>
    public double? CpuMillisecondsPerRequest => ProcessorTime is { } cpu && Requests > 0 ? cpu.TotalMilliseconds / Requests : null;

    public static LoadResult From(string operation, List<double> latencies, TimeSpan elapsed, int errors, TimeSpan? processorTime = null)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new LoadResult(operation, latencies.Count, elapsed, Percentile(0.50), Percentile(0.99), errors, processorTime);
    }
}
