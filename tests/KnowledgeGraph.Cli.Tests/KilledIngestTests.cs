using System.Diagnostics;
using System.Text;
using KnowledgeGraph.Cli.Ingestion;
using KnowledgeGraph.Cli.Storage;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// The `kg ingest` process SIGKILLed mid-run on SQLite: what it committed is whole (exactly the graph an undisturbed run
/// of the same files builds), nothing of the batch in flight exists, and a rerun finishes the job.
/// </summary>
public sealed class KilledIngestTests : IDisposable
{
    private const int Batch = 2;
    private const int Copies = 8;
    private readonly TempWorkspace _workspace = new();
    private readonly string _corpus;

    /// <summary>
    /// Several differing copies of the corpus's UTF-8 text articles: extraction is fast enough that an ingest of the
    /// corpus alone could finish in the moment between seeing its first commits and the kill.
    /// </summary>
    public KilledIngestTests()
    {
        _corpus = Path.Combine(_workspace.Root, "many");
        Directory.CreateDirectory(_corpus);
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var file in Directory.EnumerateFiles(_workspace.Corpus, "*.txt"))
        {
            string text;
            try { text = strictUtf8.GetString(File.ReadAllBytes(file)); }
            catch (DecoderFallbackException) { continue; }
            for (var copy = 0; copy < Copies; copy++)
                File.WriteAllText(Path.Combine(_corpus, $"{copy}_{Path.GetFileName(file)}"), $"{text}\n（第{copy}稿）\n", strictUtf8);
        }
    }

    public void Dispose() => _workspace.Dispose();

    private IngestRequest Request(IReadOnlyList<string> paths, string database) =>
        new(paths, new StoreSettings { Store = "sqlite", SqlitePath = database }, Parallelism: 2, BatchArticles: Batch);

    [Fact]
    public async Task A_SIGKILLed_ingest_keeps_whole_batches_only_and_a_rerun_completes_the_graph()
    {
        var crashed = _workspace.Database("crashed");
        using (var process = StartIngest(crashed))
        {
            try
            {
                await WaitForLedgerLinesAsync(crashed + ".ingested", 4, process);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }

        var files = ArticleReader.EnumerateFiles([_corpus]).ToList();
        var stored = await StoredSourcesAsync(crashed);
        var committedFiles = files.TakeWhile(f => stored.Any(s => s.StartsWith(f, StringComparison.Ordinal))).ToList();
        Assert.InRange(committedFiles.Count, 4, files.Count - 1);
        Assert.All(stored, s => Assert.Contains(committedFiles, f => s.StartsWith(f, StringComparison.Ordinal)));
        Assert.Equal("ok", await ScalarAsync(crashed, "PRAGMA integrity_check"));

        var prefix = _workspace.Database("prefix");
        Assert.Equal(0, await IngestCommand.RunAsync(Request(committedFiles, prefix), new PlainIngestDisplay(TextWriter.Null, TextWriter.Null, TimeSpan.FromHours(1)), CancellationToken.None));
        AssertSameGraph(await GraphSnapshot.OfSqliteAsync(prefix), await GraphSnapshot.OfSqliteAsync(crashed));

        Assert.Equal(0, await IngestCommand.RunAsync(Request([_corpus], crashed), new PlainIngestDisplay(TextWriter.Null, TextWriter.Null, TimeSpan.FromHours(1)), CancellationToken.None));
        var whole = _workspace.Database("whole");
        Assert.Equal(0, await IngestCommand.RunAsync(Request([_corpus], whole), new PlainIngestDisplay(TextWriter.Null, TextWriter.Null, TimeSpan.FromHours(1)), CancellationToken.None));
        AssertSameGraph(await GraphSnapshot.OfSqliteAsync(whole), await GraphSnapshot.OfSqliteAsync(crashed));
    }

    private static void AssertSameGraph(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(string.Join("\n", expected.Except(actual)), string.Join("\n", actual.Except(expected)));
        Assert.Equal(expected, actual);
    }

    private Process StartIngest(string database)
    {
        var start = KgProcess.StartInfo("ingest", _corpus, "--sqlite-path", database, "--batch", $"{Batch}", "--parallel", "2");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kg ingest");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The ledger gains a line per file after its batch commits; waiting for a few means batches are flowing.</summary>
    private static async Task WaitForLedgerLinesAsync(string ledger, int lines, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(ledger) && ReadShared(ledger).Count(l => l.Length > 0) >= lines) return;
            await Task.Delay(10);
        }
        Assert.Fail(process.HasExited ? $"kg ingest exited with {process.ExitCode} before it committed {lines} files" : "kg ingest committed too slowly");
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private static async Task<List<string>> StoredSourcesAsync(string database)
    {
        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = database });
        await store.InitializeAsync();
        var page = await store.FindArticlesAsync(new ArticleFilter(), new PageRequest(PageRequest.MaxPageSize));
        Assert.False(page.HasNextPage);
        return page.Items.Select(i => i.Node.Source).ToList();
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
