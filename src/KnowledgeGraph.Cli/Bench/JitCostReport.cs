using System.Globalization;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>What <see cref="JitCostListener"/> timed: every method in a TSV file, the ten costliest and the tiers in the bench's table.</summary>
public static class JitCostReport
{
    private const int CostliestInTable = 10;

    public static IReadOnlyList<string> Write(JitCostListener listener, string path)
    {
        JitCostListener.WaitForEvents();
        var costs = listener.Costs
            .Select(c => (c.Key.Method, c.Key.Tier, c.Value.IlSize, c.Value.Count, c.Value.Total))
            .OrderByDescending(c => c.Total)
            .ToList();
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("milliseconds\tcompiles\ttier\til_bytes\tmethod");
            foreach (var c in costs)
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Total.TotalMilliseconds:F3}\t{c.Count}\t{c.Tier}\t{c.IlSize}\t{c.Method}"));
        }
        var total = TimeSpan.FromTicks(costs.Sum(c => c.Total.Ticks));
        var tiers = costs.GroupBy(c => c.Tier)
            .Select(g => (Tier: g.Key, Count: g.Sum(c => c.Count), Total: TimeSpan.FromTicks(g.Sum(c => c.Total.Ticks))))
            .OrderByDescending(t => t.Total)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Tier} {t.Count:N0} in {t.Total.TotalMilliseconds:N0} ms"));
        var busiest = listener.Threads.MaxBy(t => t.Total);
        var rows = new List<string>
        {
            Row("compiles timed during the SQLite ingest (JIT events)", $"{total.TotalMilliseconds:N0} ms",
                $"{costs.Sum(c => c.Count):N0} compiles: {string.Join(", ", tiers)}; on {listener.Threads.Count()} threads, the busiest {busiest?.Count ?? 0:N0} compiles in {busiest?.Total.TotalMilliseconds ?? 0:N0} ms; the last one started in the ingest ended {listener.LastCompileEnded.TotalSeconds:F2} s after its start; every method in {path}"),
        };
        foreach (var c in costs.Take(CostliestInTable))
        {
            rows.Add(Row($"compile: {c.Method.Replace("|", "\\|", StringComparison.Ordinal)}", $"{c.Total.TotalMilliseconds:F1} ms",
                $"{c.Tier}, {c.Count} compile(s), {c.IlSize:N0} bytes of IL"));
        }
        return rows;
    }

    private static string Row(string measurement, FormattableString rate, FormattableString detail) =>
        $"| {measurement} | {FormattableString.Invariant(rate)} | {FormattableString.Invariant(detail)} |";
}
