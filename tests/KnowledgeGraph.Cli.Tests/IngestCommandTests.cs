using System.Diagnostics;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;

namespace KnowledgeGraph.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private IngestRequest Request(string database, int parallelism = 2, int batch = 4, bool rescan = false) =>
        new([_workspace.Corpus], new StoreSettings { Store = "sqlite", SqlitePath = database }, parallelism, batch, Rescan: rescan);

    private static Task<int> RunAsync(IngestRequest request, RecordingDisplay display, CancellationToken cancellationToken = default) =>
        IngestCommand.RunAsync(request, display, cancellationToken);

    [Fact]
    public async Task Ingests_every_article_of_a_folder_and_a_rerun_changes_nothing()
    {
        var database = _workspace.Database();
        var first = new RecordingDisplay();
        Assert.Equal(0, await RunAsync(Request(database), first));
        Assert.Equal(_workspace.ArticleFiles, first.Progress!.FilesDone);
        var stored = await GraphSnapshot.OfSqliteAsync(database);
        Assert.Equal(_workspace.ArticleFiles, stored.Count(line => line.StartsWith("article ", StringComparison.Ordinal)));
        Assert.Contains(stored, line => line.StartsWith("relation ", StringComparison.Ordinal));

        var skipping = new RecordingDisplay();
        Assert.Equal(0, await RunAsync(Request(database), skipping));
        Assert.Equal(_workspace.ArticleFiles, skipping.Progress!.FilesSkipped);
        Assert.Equal(0, skipping.Progress.FilesDone);
        Assert.Equal(stored, await GraphSnapshot.OfSqliteAsync(database));

        // Without the ledger every file is extracted and stored again; the store keeps no second copy.
        var rescanning = new RecordingDisplay();
        Assert.Equal(0, await RunAsync(Request(database, rescan: true), rescanning));
        Assert.Equal(_workspace.ArticleFiles, rescanning.Progress!.FilesDone);
        Assert.Equal(stored, await GraphSnapshot.OfSqliteAsync(database));
    }

    [Fact]
    public async Task A_bad_file_is_reported_and_skipped_the_others_land_and_the_exit_code_says_so()
    {
        var goodFiles = _workspace.ArticleFiles;
        var empty = Path.Combine(_workspace.Corpus, "zz_empty.txt");
        File.WriteAllText(empty, "   \n");
        var brokenJson = Path.Combine(_workspace.Corpus, "zz_broken.json");
        File.WriteAllText(brokenJson, "{\"title\": \"未完");
        var database = _workspace.Database();
        var display = new RecordingDisplay();

        Assert.Equal(IngestCommand.ExitFilesFailed, await RunAsync(Request(database), display));

        Assert.Equal(2, display.Progress!.FilesFailed);
        Assert.Contains(display.Failures, f => f.Path == empty && f.Message.Contains("empty", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(display.Failures, f => f.Path == brokenJson);
        var stored = await GraphSnapshot.OfSqliteAsync(database);
        Assert.Equal(goodFiles, stored.Count(line => line.StartsWith("article ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_interrupted_run_then_a_rerun_gives_the_same_graph_as_one_uninterrupted_run()
    {
        var uninterrupted = _workspace.Database("uninterrupted");
        Assert.Equal(0, await RunAsync(Request(uninterrupted), new RecordingDisplay()));

        var resumed = _workspace.Database("resumed");
        using var interruption = new CancellationTokenSource();
        var interrupted = new RecordingDisplay(cancelWhen: p => p.Articles >= 8, interruption);
        Assert.Equal(IngestCommand.ExitCancelled, await RunAsync(Request(resumed), interrupted, interruption.Token));
        var partial = await GraphSnapshot.OfSqliteAsync(resumed);
        var partialArticles = partial.Count(line => line.StartsWith("article ", StringComparison.Ordinal));
        Assert.InRange(partialArticles, 8, _workspace.ArticleFiles - 1);

        var rerun = new RecordingDisplay();
        Assert.Equal(0, await RunAsync(Request(resumed), rerun));
        Assert.True(rerun.Progress!.FilesSkipped >= partialArticles, $"the rerun skipped {rerun.Progress.FilesSkipped} files, fewer than the {partialArticles} committed");

        var expected = await GraphSnapshot.OfSqliteAsync(uninterrupted);
        var actual = await GraphSnapshot.OfSqliteAsync(resumed);
        Assert.Equal(string.Join("\n", expected.Except(actual)), string.Join("\n", actual.Except(expected)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_missing_path_is_named_and_nothing_is_opened()
    {
        var database = _workspace.Database();
        var display = new RecordingDisplay();
        var request = Request(database) with { Paths = [Path.Combine(_workspace.Root, "no-such-folder")] };

        Assert.Equal(IngestCommand.ExitSetupFailed, await RunAsync(request, display));
        Assert.Contains(display.Errors, e => e.Contains("no-such-folder", StringComparison.Ordinal));
        Assert.False(File.Exists(database));
    }

    /// <summary>Records what a run shows; optionally cancels the run once the progress meets a condition.</summary>
    private sealed class RecordingDisplay(Func<IngestProgress, bool>? cancelWhen = null, CancellationTokenSource? cancellation = null) : IngestDisplay
    {
        public IngestProgress? Progress { get; private set; }
        public List<FileFailure> Failures { get; } = [];
        public List<string> Errors { get; } = [];

        public override void Error(string message)
        {
            lock (Errors) Errors.Add(message);
        }

        protected override async Task ShowWhileAsync(IngestProgress progress, long totalFiles, Stopwatch clock, Task run)
        {
            Progress = progress;
            while (!run.IsCompleted)
            {
                if (cancelWhen is not null && cancelWhen(progress)) await cancellation!.CancelAsync();
                await Task.WhenAny(run, Task.Delay(5));
            }
            await run;
        }

        protected override void OnFailure(FileFailure failure)
        {
            lock (Failures) Failures.Add(failure);
        }

        protected override void Summarise(IngestProgress progress, long totalFiles, TimeSpan elapsed, IReadOnlyList<FileFailure> failures, RunOutcome outcome) =>
            Progress = progress;
    }
}

public sealed class PlainIngestDisplayTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Redirected_output_gets_plain_progress_lines_a_summary_and_each_failure_on_stderr()
    {
        var bad = Path.Combine(_workspace.Corpus, "zz_empty.txt");
        File.WriteAllText(bad, "");
        var output = new StringWriter();
        var errors = new StringWriter();
        var request = new IngestRequest([_workspace.Corpus], new StoreSettings { Store = "sqlite", SqlitePath = _workspace.Database() }, 2);

        var exit = await IngestCommand.RunAsync(request, new PlainIngestDisplay(output, errors, TimeSpan.FromMilliseconds(50)), CancellationToken.None);

        Assert.Equal(IngestCommand.ExitFilesFailed, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"files {_workspace.ArticleFiles}/{_workspace.ArticleFiles} ", StringComparison.Ordinal) && l.Contains("errors 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("done in ", StringComparison.Ordinal) && l.Contains($"{_workspace.ArticleFiles - 1} files stored", StringComparison.Ordinal));
        Assert.Contains($"kg ingest: {bad}: ", errors.ToString());
        Assert.DoesNotContain('\u001b', output.ToString());
    }
}
