namespace KnowledgeGraph.Api.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddArticleIngestion(this IServiceCollection services)
    {
        services.AddScoped<ArticleIngestor>();
        return services;
    }
}
