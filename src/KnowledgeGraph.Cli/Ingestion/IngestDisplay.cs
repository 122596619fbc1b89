using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Ingestion;

public enum RunOutcome { Completed, Cancelled }

/// <summary>
/// Shows a run as it goes and sums it up at the end: a live Spectre.Console progress bar on a terminal,
/// plain lines every few seconds when output is redirected (logs, CI, tests).
/// </summary>
public abstract class IngestDisplay
{
    public static IngestDisplay ForConsole() =>
        AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
            ? new LiveIngestDisplay()
            : new PlainIngestDisplay(Console.Out, Console.Error, TimeSpan.FromSeconds(2));

    public abstract void Error(string message);

    public async Task<RunOutcome> ShowAsync(BulkIngester ingester, long totalFiles, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<FileFailure>();
        ingester.FileFailed += failure =>
        {
            failures.Enqueue(failure);
            OnFailure(failure);
        };
        ingester.StoreUnavailable += outage => Error(string.Create(CultureInfo.InvariantCulture,
            $"the store is unavailable (attempt {outage.Attempt}; retrying in {outage.RetryIn.TotalSeconds:F1} s): {outage.Message}"));
        ingester.StoreRecovered += failedAttempts => Error($"the store answers again after {failedAttempts} failed attempt(s); resuming");
        var clock = Stopwatch.StartNew();
        var outcome = RunOutcome.Completed;
        try
        {
            await ShowWhileAsync(ingester.Progress, totalFiles, clock, run(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = RunOutcome.Cancelled;
        }
        Summarise(ingester.Progress, totalFiles, clock.Elapsed, failures.ToList(), outcome);
        return outcome;
    }

    protected abstract Task ShowWhileAsync(IngestProgress progress, long totalFiles, Stopwatch clock, Task run);

    protected abstract void OnFailure(FileFailure failure);

    protected abstract void Summarise(IngestProgress progress, long totalFiles, TimeSpan elapsed, IReadOnlyList<FileFailure> failures, RunOutcome outcome);

    protected static string Rate(long count, TimeSpan elapsed) =>
        (elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : 0).ToString("F1", CultureInfo.InvariantCulture);

    protected static string Status(IngestProgress p, long totalFiles, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"files {p.FilesSettled}/{totalFiles} (skipped {p.FilesSkipped}), articles {p.Articles} ({Rate(p.Articles, elapsed)}/s), entities {p.Entities}, relations {p.Relations}, errors {p.FilesFailed}");

    protected static string ResumeHint(RunOutcome outcome) => outcome == RunOutcome.Cancelled
        ? "interrupted: every committed batch is kept; run the same command again to finish the rest"
        : "";
}

/// <summary>Plain lines for redirected output; failures are written as they happen.</summary>
public sealed class PlainIngestDisplay(TextWriter output, TextWriter errors, TimeSpan interval) : IngestDisplay
{
    public override void Error(string message) => errors.WriteLine($"kg ingest: {message}");

    protected override async Task ShowWhileAsync(IngestProgress progress, long totalFiles, Stopwatch clock, Task run)
    {
        while (await Task.WhenAny(run, Task.Delay(interval)) != run)
            output.WriteLine(Status(progress, totalFiles, clock.Elapsed));
        await run;
    }

    protected override void OnFailure(FileFailure failure) => Error($"{failure.Path}: {failure.Message}");

    protected override void Summarise(IngestProgress progress, long totalFiles, TimeSpan elapsed, IReadOnlyList<FileFailure> failures, RunOutcome outcome)
    {
        output.WriteLine(Status(progress, totalFiles, elapsed));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"done in {elapsed.TotalSeconds:F1} s: {progress.FilesDone} files stored, {progress.FilesSkipped} already ingested, {failures.Count} failed"));
        if (failures.Count > 0) Error($"{failures.Count} file(s) failed; they are listed above");
        var hint = ResumeHint(outcome);
        if (hint.Length > 0) Error(hint);
    }
}

/// <summary>A live progress bar with the run's counters; failures are listed once the bar is gone.</summary>
public sealed class LiveIngestDisplay : IngestDisplay
{
    public override void Error(string message) => AnsiConsole.MarkupLine($"[red]kg ingest:[/] {Markup.Escape(message)}");

    protected override async Task ShowWhileAsync(IngestProgress progress, long totalFiles, Stopwatch clock, Task run)
    {
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("ingest", maxValue: Math.Max(1, totalFiles));
                while (true)
                {
                    task.Value = progress.FilesSettled;
                    task.Description = Markup.Escape(Status(progress, totalFiles, clock.Elapsed));
                    if (run.IsCompleted) break;
                    await Task.WhenAny(run, Task.Delay(250));
                }
                task.StopTask();
            });
        await run;
    }

    protected override void OnFailure(FileFailure failure)
    {
        // Printed in the summary: writing under a live bar would tear it.
    }

    protected override void Summarise(IngestProgress progress, long totalFiles, TimeSpan elapsed, IReadOnlyList<FileFailure> failures, RunOutcome outcome)
    {
        var table = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("files stored", progress.FilesDone.ToString(CultureInfo.InvariantCulture));
        table.AddRow("files already ingested", progress.FilesSkipped.ToString(CultureInfo.InvariantCulture));
        table.AddRow("files failed", progress.FilesFailed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("articles", progress.Articles.ToString(CultureInfo.InvariantCulture));
        table.AddRow("articles/s", Rate(progress.Articles, elapsed));
        table.AddRow("entities found", progress.Entities.ToString(CultureInfo.InvariantCulture));
        table.AddRow("relations found", progress.Relations.ToString(CultureInfo.InvariantCulture));
        table.AddRow("time", elapsed.TotalSeconds.ToString("F1 's'", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        foreach (var failure in failures) Error($"{failure.Path}: {failure.Message}");
        var hint = ResumeHint(outcome);
        if (hint.Length > 0) Error(hint);
    }
}
