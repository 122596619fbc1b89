namespace KnowledgeGraph.Api.Http;

public static class GraphQLEndpointRouting
{
    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder routes, string pattern)
    {
        routes.MapPost(pattern, (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandlePostAsync(http));
        routes.MapGet(pattern, (HttpContext http, GraphQLHttpEndpoint endpoint) =>
            GraphiQLPage.IsWanted(http.Request) ? GraphiQLPage.ServeAsync(http) : endpoint.HandleGetAsync(http));
        return routes;
    }
}
