using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Where the embedded graph lives: a file <see cref="Path"/>, or a full <see cref="ConnectionString"/>.</summary>
public sealed class SqliteGraphStoreOptions
{
    public const string SectionName = "GraphStore:Sqlite";

    public string? Path { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>How long a writer waits for another process's transaction before giving up.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The writer's page cache. It fills as the store grows and then stays at this size, so it is the part of a bulk
    /// ingest's memory that a larger store takes; a smaller cache reads more pages back from the operating system's
    /// file cache. 8 MB filled only past the first thousand articles (SQLite held 2-8 MB during them) and 64 MB only
    /// after ten thousand (docs/benchmarks.md, sessions 8, 9 and 14), so the cache was part of what a large ingest holds
    /// and a small one does not; 4 MB is about what a thousand articles fill. Over 100,000 articles it took 4-8 MB off
    /// the peak for 1.5-3% more of the writer's CPU, index pages read back from the operating system (session 16).
    /// </summary>
    public int WriterCacheMegabytes { get; set; } = 4;

    internal int WriterCacheKibibytes => WriterCacheMegabytes is >= 1 and <= 65536
        ? WriterCacheMegabytes * 1024
        : throw new InvalidOperationException($"{SectionName}: WriterCacheMegabytes must be between 1 and 65536, not {WriterCacheMegabytes}");

    internal string BuildConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(Path))
            throw new InvalidOperationException($"{SectionName}: set Path (a database file) or ConnectionString");
        var builder = new SqliteConnectionStringBuilder(ConnectionString ?? "");
        if (!string.IsNullOrWhiteSpace(Path)) builder.DataSource = Path;
        builder.ForeignKeys = true;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds);
        return builder.ToString();
    }
}
