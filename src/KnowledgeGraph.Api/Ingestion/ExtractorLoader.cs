using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>
/// Builds the extraction pipeline (dictionaries, patterns: seconds of CPU, more on a busy machine) on a background
/// thread as the service starts, and lets ingests await it with their request's cancellation. Before, the first
/// ingest built it inside dependency injection while every other ingest blocked a thread on the same lock past the
/// execution timeout; in the load test all eight clients ended up stuck there (8 failed ingests, nothing else).
/// </summary>
public sealed class ExtractorLoader(IServiceProvider services) : IHostedService
{
    private readonly Lazy<Task<IArticleExtractor>> _loading =
        new(() => Task.Run(services.GetRequiredService<IArticleExtractor>));

    public Task<IArticleExtractor> GetAsync(CancellationToken cancellationToken) =>
        _loading.Value.WaitAsync(cancellationToken);

    /// <summary>Starts building without waiting for it, so the server listens (and answers queries) meanwhile.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _loading.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
