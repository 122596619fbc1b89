using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Graph.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    public const string HttpClientName = "neo4j";

    /// <summary>
    /// Registers the Neo4j store as the <see cref="IGraphStore"/>, configured from the "Neo4j" section
    /// (Neo4j:Uri, Neo4j:User, Neo4j:Password, Neo4j:Database; as environment variables Neo4j__Uri and so on).
    /// </summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Neo4jGraphStoreOptions>()
            .Bind(configuration.GetSection(Neo4jGraphStoreOptions.SectionName))
            .Validate(o => o.Uri is { IsAbsoluteUri: true }, "Neo4j:Uri must be the server's absolute HTTP address, e.g. http://127.0.0.1:7474")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Database), "Neo4j:Database must not be empty")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<IGraphStore>(provider => new Neo4jGraphStore(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<Neo4jGraphStoreOptions>>().Value));
        return services;
    }
}
