namespace KnowledgeGraph.Api.Http;

public static class GraphQLEndpointRouting
{
    /// <summary>
    /// The endpoint is a singleton, so it is resolved once here and its handlers are mapped as plain request delegates:
    /// no per-request parameter binding or service lookup before a request reaches it.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder routes, string pattern)
    {
        var endpoint = routes.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        routes.MapPost(pattern, endpoint.HandlePostAsync);
        routes.MapGet(pattern, http => GraphiQLPage.IsWanted(http.Request) ? GraphiQLPage.ServeAsync(http) : endpoint.HandleGetAsync(http));
        return routes;
    }
}
