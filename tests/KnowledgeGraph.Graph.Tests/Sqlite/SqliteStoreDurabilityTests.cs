using System.Diagnostics;
using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>What only the SQLite adapter promises: its schema migrations and its behaviour when a writer dies.</summary>
public sealed class SqliteStoreDurabilityTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private SqliteGraphStore NewStore() => new(new SqliteGraphStoreOptions { Path = _database.FilePath });

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Initialising_records_every_migration_once_and_can_run_again_without_losing_data()
    {
        await using (var store = NewStore())
        {
            await store.InitializeAsync();
            await store.IngestAsync([TestArticle.AtUrl("https://news.test/kept").WithMicrosoft().WithOpenAi()
                .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Build()]);
            Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
            await store.InitializeAsync();
        }

        await using var reopened = NewStore();
        await reopened.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await reopened.GetAppliedSchemaVersionsAsync());
        Assert.Equal(1, (await reopened.GetStatsAsync(1)).Articles);
        Assert.Equal("0001_initial.sql", SchemaMigrator.Embedded[0].Name);
        Assert.Equal(1, await CountRows("SELECT count(*) FROM schema_version WHERE version = 1"));
        Assert.Equal("wal", await Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task The_store_enforces_foreign_keys_on_its_connections()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        var connectionString = new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var error = Assert.Throws<SqliteException>(() => connection.Command(
            "INSERT INTO relations (id, type, subject_id, object_id, confidence, evidence_count) VALUES ('r', 'USES', 'org:none', 'prod:none', 1, 1)")
            .ExecuteNonQuery());
        Assert.Contains("FOREIGN KEY", error.Message);
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_inside_its_transaction_leaves_nothing_behind()
    {
        await using var store = NewStore();
        await store.InitializeAsync();
        await store.IngestAsync([TestArticle.AtUrl("https://news.test/before").WithMicrosoft().WithOpenAi()
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Build()]);
        var written = 0;
        store.AfterArticleWritten = _ =>
        {
            if (++written == 2) throw new IOException("simulated crash after the second article");
        };
        var batch = new[]
        {
            TestArticle.AtUrl("https://news.test/one").WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection),
            TestArticle.AtUrl("https://news.test/two").WithMicrosoft().WithOpenAi().Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft),
            TestArticle.AtUrl("https://news.test/three").WithGoogle().WithDeepMind().Relation("PART_OF", Ids.DeepMind, Ids.Google),
        }.Select(a => a.Build()).ToList();

        await Assert.ThrowsAsync<IOException>(() => store.IngestAsync(batch));

        Assert.Equal(2, written);
        var stats = await store.GetStatsAsync(5);
        Assert.Equal(1, stats.Articles);
        Assert.Equal(2, stats.EntitiesByType.Sum(c => c.Count));
        var relation = Assert.Single((await store.FindRelationsAsync(new RelationFilter(), new PageRequest())).Items).Node;
        Assert.Equal(1, relation.EvidenceCount);
        Assert.Empty((await store.SearchEntitiesAsync(new EntitySearch("inflection"), new PageRequest())).Items);

        store.AfterArticleWritten = null;
        var outcomes = await store.IngestAsync(batch);
        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Inserted, o.Status));
        Assert.Equal(4, (await store.GetStatsAsync(1)).Articles);
    }

    [Fact]
    public async Task Killing_a_writer_process_keeps_every_committed_batch_whole_and_no_partial_one()
    {
        const int batchSize = 200;
        var writer = StartCrashWriter(batchSize);
        var committed = -1;
        try
        {
            // Wait for a few commits, then kill as soon as the next batch has started writing.
            while (await writer.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal)) committed = int.Parse(line["committed ".Length..]);
                if (committed >= 2 && line.StartsWith("writing ", StringComparison.Ordinal)) break;
            }
            if (committed < 2) Assert.Fail($"the crash writer stopped early: {await writer.StandardError.ReadToEndAsync()}");
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync();
        }
        finally
        {
            if (!writer.HasExited) writer.Kill(entireProcessTree: true);
            writer.Dispose();
        }

        await using var store = NewStore();
        await store.InitializeAsync();
        var stats = await store.GetStatsAsync(1);
        Assert.Equal("ok", await Scalar("PRAGMA integrity_check"));
        Assert.Equal(0, stats.Articles % batchSize);
        var batches = stats.Articles / batchSize;
        // How many more batches commit before the kill lands depends on the machine; each of them must be whole.
        Assert.True(batches >= committed + 1, $"{batches} batches stored, {committed + 1} were reported committed");
        Assert.Equal(stats.Articles, stats.Deals);
        Assert.Equal(2 * stats.Articles, stats.RelationsByType.Sum(c => c.Count));
        Assert.Equal(2 * stats.Articles + 1, stats.EntitiesByType.Sum(c => c.Count));
        Assert.Equal(stats.Articles, stats.MostConnected.Single().Degree);
        Assert.Equal(2 * stats.Articles, await CountRows("SELECT count(*) FROM evidence"));
    }

    private Process StartCrashWriter(int batchSize)
    {
        var writerDll = Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Graph.Sqlite.CrashWriter.dll");
        Assert.True(File.Exists(writerDll), $"{writerDll} is missing: the test project must reference the CrashWriter project");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", writerDll, _database.FilePath, batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
    }

    private async Task<long> CountRows(string sql) => Convert.ToInt64(await Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object?> Scalar(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await connection.Command(sql).ExecuteScalarAsync();
    }
}
