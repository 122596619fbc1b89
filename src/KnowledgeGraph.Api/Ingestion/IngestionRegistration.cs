using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Extraction;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddArticleIngestion(this IServiceCollection services)
    {
        // The pipeline loads its dictionaries once and is thread-safe: one instance serves every request.
        services.AddSingleton<IArticleExtractor>(_ => new ExtractionPipeline());
        services.AddSingleton<ExtractorLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<ExtractorLoader>());
        services.AddSingleton(provider => new ExtractionWorkers(Environment.ProcessorCount,
            provider.GetRequiredService<IOptions<KnowledgeGraphOptions>>().Value.Ingestion.ExtractionNiceness));
        services.AddScoped<ArticleIngestor>();
        return services;
    }
}
