using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Graph;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>Prepares the store before the server listens and, when it is empty, fills it with the sample articles.</summary>
public sealed partial class StoreStartup(
    IGraphStore store,
    IServiceProvider services,
    IOptions<KnowledgeGraphOptions> options,
    ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (!options.Value.LoadSamples)
            return;
        var stats = await store.GetStatsAsync(0, cancellationToken);
        if (stats.Articles > 0)
            return;
        var folder = Path.GetFullPath(options.Value.SamplesPath, AppContext.BaseDirectory);
        if (!Directory.Exists(folder))
        {
            LogNoSamples(logger, folder);
            return;
        }
        var articles = ArticleReader.EnumerateFiles([folder]).SelectMany(ArticleReader.ReadFile).ToList();
        using var scope = services.CreateScope();
        var ingested = await scope.ServiceProvider.GetRequiredService<ArticleIngestor>().IngestAsync(articles, cancellationToken);
        LogSamplesLoaded(logger, ingested.Count, folder, ingested.Sum(i => i.Outcome.Entities), ingested.Sum(i => i.Outcome.Relations));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is empty and there are no sample articles at {Folder}")]
    private static partial void LogNoSamples(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The store was empty: loaded {Count} sample articles from {Folder} ({Entities} entities, {Relations} relations)")]
    private static partial void LogSamplesLoaded(ILogger logger, int count, string folder, int entities, int relations);
}
