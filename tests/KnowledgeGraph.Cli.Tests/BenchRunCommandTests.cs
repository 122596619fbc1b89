namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg bench run</c> over the annotated test corpus, as its own process.</summary>
public sealed class BenchRunCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Jit_costs_lists_the_methods_compiled_during_the_ingest_costliest_first()
    {
        var costs = Path.Combine(_workspace.Root, "jit.tsv");

        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(5),
            "bench", "run", "--corpus", _workspace.Corpus, "--work", Path.Combine(_workspace.Root, "work"), "--jit-costs", costs, "--warm-up", "0");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("compiles timed during the SQLite ingest", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(costs);
        Assert.Equal("milliseconds\tcompiles\ttier\til_bytes\tmethod", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(5, r.Length));
        var milliseconds = rows.Select(r => double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(milliseconds.OrderByDescending(m => m), milliseconds);
        Assert.Contains(rows, r => r[2] == "tier 0" || r[2] == "tier 1");
    }

    [Fact]
    public async Task An_unwritable_jit_costs_file_is_refused_before_the_run()
    {
        var costs = Path.Combine(_workspace.Root, "no-such-folder", "jit.tsv");

        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(3),
            "bench", "run", "--corpus", _workspace.Corpus, "--work", Path.Combine(_workspace.Root, "work"), "--jit-costs", costs);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot write --jit-costs", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("chars/s", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_up_ingests_into_a_scratch_database_it_removes_before_the_timed_ingest_of_the_whole_corpus()
    {
        var work = Path.Combine(_workspace.Root, "work");
        var articles = _workspace.ArticleFiles;

        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(5),
            "bench", "run", "--corpus", _workspace.Corpus, "--work", work, "--warm-up", "3");

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"\| warm-up before the timed ingests \| 3 articles \| [1-6] rounds of 3 articles into a scratch database", stdout);
        Assert.Contains($"whole run: {articles} articles", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(work, "*.warm-up*"));
    }

    [Fact]
    public async Task A_negative_warm_up_is_refused()
    {
        var (exitCode, stdout, stderr) = await KgProcess.RunAsync(TimeSpan.FromMinutes(3),
            "bench", "run", "--corpus", _workspace.Corpus, "--warm-up", "-1");

        Assert.Equal(2, exitCode);
        Assert.Contains("--warm-up must be 0 or more articles", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("chars/s", stdout, StringComparison.Ordinal);
    }
}
