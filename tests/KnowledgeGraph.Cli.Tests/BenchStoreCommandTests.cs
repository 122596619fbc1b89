namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg bench store</c> run as its own process on a scratch SQLite file.</summary>
public sealed class BenchStoreCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task No_queries_measures_the_ingest_alone()
    {
        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(3),
            "bench", "store", "--sqlite-path", _workspace.Database(), "--articles", "20", "--entities", "50", "--batch", "10", "--queries", "0");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("relations/s", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("entity lookup", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_query_count_is_refused_with_its_option_named()
    {
        var (exitCode, _, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(3),
            "bench", "store", "--sqlite-path", _workspace.Database(), "--queries", "-1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--queries must be 0 or more", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.Database()));
    }
}
