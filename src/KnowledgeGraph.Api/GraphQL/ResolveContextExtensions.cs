using GraphQL;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL;

internal static class ResolveContextExtensions
{
    public static IGraphStore Store(this IResolveFieldContext context) => Services(context).GetRequiredService<IGraphStore>();

    public static GraphLoaders Loaders(this IResolveFieldContext context) => Services(context).GetRequiredService<GraphLoaders>();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull => Services(context).GetRequiredService<T>();

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("GraphQL requests must carry their request services.");
}
