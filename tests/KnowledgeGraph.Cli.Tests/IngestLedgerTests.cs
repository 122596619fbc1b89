using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Cli.Ingestion;

namespace KnowledgeGraph.Cli.Tests;

public sealed class IngestLedgerTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Recorded_hashes_are_found_again_after_reopening_and_a_torn_last_line_is_not()
    {
        var path = Path.Combine(_workspace.Root, "graph.db.ingested");
        var first = HashOf("一");
        var second = HashOf("二");
        var torn = HashOf("三");
        using (var ledger = IngestLedger.Open(path))
        {
            ledger.Record([(first, "a.txt"), (second, "b.txt")]);
            Assert.True(ledger.Contains(first));
            Assert.False(ledger.Contains(torn));
        }
        File.AppendAllText(path, torn[..40]);

        using var reopened = IngestLedger.Open(path);
        Assert.True(reopened.Contains(first));
        Assert.True(reopened.Contains(second.ToUpperInvariant()));
        Assert.False(reopened.Contains(torn));
        Assert.False(reopened.Contains(torn[..40]));
    }

    [Fact]
    public void Recording_something_that_is_not_a_content_hash_is_refused()
    {
        using var ledger = IngestLedger.Open(Path.Combine(_workspace.Root, "graph.db.ingested"));

        Assert.Throws<ArgumentException>(() => ledger.Record([("not-a-hash", "a.txt")]));
    }

    /// <summary>No ledger (a benchmark, a rescan) keeps nothing in memory either: what a run holds must not grow with its files.</summary>
    [Fact]
    public void No_ledger_finds_nothing_it_was_given()
    {
        var hash = HashOf("一");
        using var ledger = IngestLedger.None();

        ledger.Record([(hash, "a.txt")]);

        Assert.False(ledger.Contains(hash));
    }
}
