using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.Configuration;

public static class StoreRegistration
{
    /// <summary>Registers the one IGraphStore the service talks to, chosen by KG:Store.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, KnowledgeGraphOptions settings)
    {
        switch (settings.Store.Trim().ToLowerInvariant())
        {
            default:
                throw new InvalidOperationException(
                    $"KG:Store is '{settings.Store}'; no graph store adapter for it is part of this build.");
        }
    }
}
