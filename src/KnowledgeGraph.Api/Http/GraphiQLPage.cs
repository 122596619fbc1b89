using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// GraphiQL for browsers at GET /graphql, from the bundle built out of npm packages at build time
/// (graphiql/dist, copied beside the service): the page loads nothing from elsewhere.
/// </summary>
public static class GraphiQLPage
{
    public const string AssetPath = "/graphiql";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "graphiql");

    public static IApplicationBuilder UseGraphiQLAssets(this IApplicationBuilder app)
    {
        if (!Directory.Exists(Folder))
            return app;
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = AssetPath });
    }

    /// <summary>A browser asking for the endpoint itself, with no query, gets the IDE.</summary>
    public static bool IsWanted(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query")
        && GraphQLMediaTypes.WantsHtml(request.GetTypedHeaders().Accept);

    public static async Task ServeAsync(HttpContext http)
    {
        var page = Path.Combine(Folder, "index.html");
        if (!File.Exists(page))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("GraphiQL was not built with this service (graphiql/dist is missing); POST GraphQL requests to /graphql.");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.SendFileAsync(page);
    }
}
