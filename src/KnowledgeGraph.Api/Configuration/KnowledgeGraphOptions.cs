namespace KnowledgeGraph.Api.Configuration;

/// <summary>The service's settings, bound from the configuration section "KG" (environment: KG__Store, KG__ApiKeys__0 …).</summary>
public sealed class KnowledgeGraphOptions
{
    public const string Section = "KG";

    /// <summary>"sqlite" (embedded, the default) or "neo4j"; the Neo4j adapter binds its own settings from KG:Neo4j.</summary>
    public string Store { get; set; } = "sqlite";

    public SqliteSettings Sqlite { get; set; } = new();

    /// <summary>Keys accepted in the X-Api-Key header for mutations; with none configured, every mutation is refused.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>When true, queries need a key as well as mutations.</summary>
    public bool RequireKeyForQueries { get; set; }

    /// <summary>Ingest the bundled sample articles when the store starts empty, so a newcomer sees a graph at once.</summary>
    public bool LoadSamples { get; set; } = true;

    /// <summary>Folder of sample .txt articles; relative paths are taken from the application's folder.</summary>
    public string SamplesPath { get; set; } = "samples";

    public QueryLimits Limits { get; set; } = new();

    public IngestionSettings Ingestion { get; set; } = new();

    /// <summary>Origins allowed to call the API from a browser; none (the default) means cross-origin calls are refused.</summary>
    public CorsSettings Cors { get; set; } = new();

    public HttpSettings Http { get; set; } = new();
}

public sealed class HttpSettings
{
    /// <summary>
    /// Kestrel runs a request on the thread that received it and sends the answer from there, instead of handing the
    /// request and then the answer to other thread-pool work items (Kestrel's UnsafePreferInlineScheduling). Only
    /// together with the runtime's DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 did it save CPU on small queries
    /// (docs/benchmarks.md, session 8), and then requests run on the socket engine's thread, where a slow one holds up
    /// every connection that thread serves. Off by default; for a deployment with few clients and small queries that
    /// has measured its own traffic.
    /// </summary>
    public bool InlineScheduling { get; set; }
}

public sealed class SqliteSettings
{
    public string Path { get; set; } = "./data/knowledgegraph.db";

    /// <summary>The writer's page cache (KG:Sqlite:WriterCacheMegabytes); unset keeps the store's default.</summary>
    public int? WriterCacheMegabytes { get; set; }
}

public sealed class IngestionSettings
{
    /// <summary>
    /// How many nice levels (Linux, 0–19) the extraction threads sit below the threads answering requests, so that
    /// queries and refusals get a core first while ingests are running; 0 (the default) keeps them level. Off by
    /// default: at 10, on a machine at load average 70–85, ingests ran past the 30 s execution limit in two tests
    /// (docs/benchmarks.md, session 7).
    /// </summary>
    public int ExtractionNiceness { get; set; }
}

public sealed class QueryLimits
{
    public int MaxDepth { get; set; } = 12;
    public int MaxComplexity { get; set; } = 250_000;
    /// <summary>Field selections in one document, aliases included: the guard against alias floods.</summary>
    public int MaxFieldSelections { get; set; } = 500;
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
    /// <summary>Longest id, name, title, URL or search term accepted in an argument; article bodies are bounded by MaxRequestBytes.</summary>
    public int MaxArgumentLength { get; set; } = 1000;
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Queries executing at once; more wait in line, in arrival order, so a crowd of runnable threads does not slow
    /// every request (refusals included) down. Refusals and validation happen before the line. 0 lifts the bound.
    /// </summary>
    public int MaxConcurrentQueries { get; set; } = 2 * Environment.ProcessorCount;
    /// <summary>Queries that may wait for a turn; one more is refused with SERVICE_BUSY (503) at once.</summary>
    public int MaxQueuedQueries { get; set; } = 100;
    public int MaxArticlesPerBatch { get; set; } = 100;
    /// <summary>Validated documents kept for reuse (least recently used first out); 0 turns the cache off.</summary>
    public int CachedDocuments { get; set; } = 500;
    /// <summary>Longer query texts are not kept, which bounds the cache's memory to about CachedDocuments × this × a few.</summary>
    public int MaxCachedQueryLength { get; set; } = 16 * 1024;
}
