using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Api.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddArticleIngestion(this IServiceCollection services)
    {
        // The pipeline loads its dictionaries once and is thread-safe: one instance serves every request.
        services.AddSingleton<IArticleExtractor>(_ => new ExtractionPipeline());
        services.AddScoped<ArticleIngestor>();
        return services;
    }
}
