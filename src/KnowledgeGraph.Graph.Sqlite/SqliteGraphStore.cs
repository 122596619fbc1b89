using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode, so readers never wait for the single writer.
/// Writes are serialised in-process and run as one IMMEDIATE transaction per call, so a batch is whole or absent.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private readonly string _connectionString;
    private readonly string _writerSettings;
    private readonly OntologySchema _ontology;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>The schema version that changed how search terms are folded; its search tables are rebuilt by code.</summary>
    private const int SearchFoldingVersion = 3;

    public SqliteGraphStore(SqliteGraphStoreOptions options, OntologySchema? ontology = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = options.BuildConnectionString();
        _writerSettings = WriterSettings(options.WriterCacheKibibytes);
        _ontology = ontology ?? OntologySchema.Default;
    }

    /// <summary>Called once per article after the batch's rows are written, before the commit; lets tests fail a batch half-way.</summary>
    internal Action<string>? AfterArticleWritten { get; set; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken, forWriting: true);
            // WAL is a property of the file; set once here, it holds for every later connection.
            connection.Command("PRAGMA journal_mode = WAL").ExecuteScalar();
            SchemaMigrator.Apply(connection, (version, transaction) =>
            {
                if (version != SearchFoldingVersion) return;
                using var writer = new GraphWriter(connection, transaction, _ontology);
                writer.ReindexAllEntities();
                writer.Finish();
            });
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var version = await connection.Command("SELECT max(version) FROM schema_version").ExecuteScalarAsync(cancellationToken);
            return version is long;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>The schema versions recorded as applied, in order.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedSchemaVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var reader = await connection.Command("SELECT version FROM schema_version ORDER BY version").ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <param name="forWriting">
    /// The writer gets a page cache of <see cref="SqliteGraphStoreOptions.WriterCacheMegabytes"/> (4 MB unless set): ids
    /// are hashes, so inserts land all over the indexes, and the cache keeps their upper levels in memory. Readers get
    /// SQLite's default 2 MB: the operating system caches the file anyway, a
    /// commit in WAL mode empties a reader's cache, and every pooled connection keeps its cache while it idles (under
    /// load the service's memory grew by the readers' caches and stayed there; docs/benchmarks.md). A pooled connection
    /// that wrote and then reads is shrunk back here, since every open sets the size again.
    /// </param>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, bool forWriting = false)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL makes NORMAL safe against process crashes: a committed transaction is in the log before COMMIT returns.
        // Checkpointing every 200 MB of log instead of 40 MB copies a page that several batches dirtied into the file
        // once rather than once per batch. The writer's cache is kept small (4 MB unless set) although 256 MB read six
        // times less back from the OS at 385,000 edges: the service keeps that connection pooled, and its memory with it. Readers keep
        // SQLite's default 2 MB: every pooled read connection holds its own cache. Readers map the file (up to SQLite's
        // largest map, 2 GB): a page not in the cache is then a memory read of the operating system's file cache
        // instead of a read() call and a copy, and mapped pages are shared by every connection rather than held by each
        // (pages whose newest version is still in the write-ahead log are read from the log as before). The writer does
        // not: a bulk ingest touches the whole file, and its mapped pages would count in the process's resident set,
        // which must stay flat however large the corpus (a 100,000-article ingest reached 972 MB with it, 404 MB without).
        // The pool hands out connections without regard to their last use, so each side sets the map size it wants.
        connection.Command(forWriting ? _writerSettings : ReaderSettings).ExecuteNonQuery();
        return connection;
    }

    // A PRAGMA takes no parameters; the size is an integer from the options, checked when they were read.
    // The writer's temporary store is a file: in WAL mode each multi-row statement that may fail half-way keeps the old
    // image of every page it changes in a statement journal, and in memory that journal grew with the store (a batch's
    // relation upsert touches a page per row once the indexes are large: SQLite's memory reached 59 MB within a
    // 1,000-article batch onto 100,000 articles, against its 8 MB cache). As a file it spills past 64 KB into the
    // operating system's file cache, outside the process: peak 267 -> 213-220 MB there (an empty store: 215 MB) for about
    // 3% more CPU, the kernel's copies into the file (docs/benchmarks.md, session 11).
    private static string WriterSettings(int cacheKibibytes) => $"""
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -{cacheKibibytes.ToString(System.Globalization.CultureInfo.InvariantCulture)};
        PRAGMA wal_autocheckpoint = 50000;
        PRAGMA temp_store = FILE;
        PRAGMA mmap_size = 0;
        """;

    private const string ReaderSettings = """
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -2000;
        PRAGMA wal_autocheckpoint = 50000;
        PRAGMA temp_store = MEMORY;
        PRAGMA mmap_size = 2147418112;
        """;

    private async Task<ReadSession> ReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return new ReadSession(connection, connection.BeginTransaction(deferred: true));
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits only if it returns.</summary>
    private async Task<T> WriteAsync<T>(Func<GraphWriter, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken, forWriting: true);
            using var transaction = connection.BeginTransaction(deferred: false);
            using var writer = new GraphWriter(connection, transaction, _ontology);
            var result = work(writer);
            writer.Finish();
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ExtractionResult> articles, CancellationToken cancellationToken = default)
    {
        IngestValidator.Validate(articles, _ontology);
        if (articles.Count == 0) return [];
        return await WriteAsync(writer =>
        {
            var outcomes = new ArticleIngester(writer, LoadRedirects(writer, articles)).Write(articles);
            foreach (var outcome in outcomes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AfterArticleWritten?.Invoke(outcome.ArticleId);
            }
            return outcomes;
        }, cancellationToken);
    }

    private static Dictionary<string, string> LoadRedirects(GraphWriter writer, IReadOnlyList<ExtractionResult> articles)
    {
        var ids = articles.SelectMany(a => a.Entities.Select(e => e.Id)).Distinct(StringComparer.Ordinal);
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = writer.OneOff("SELECT dropped_id, kept_id FROM entity_redirects WHERE dropped_id IN (SELECT value FROM json_each(@ids))")
            .With("@ids", SqlExtensions.JsonList(ids)).ExecuteReader();
        while (reader.Read()) redirects[reader.GetString(0)] = reader.GetString(1);
        return redirects;
    }

    public Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return WriteAsync(writer => writer.RemoveArticle(articleId), cancellationToken);
    }
}
