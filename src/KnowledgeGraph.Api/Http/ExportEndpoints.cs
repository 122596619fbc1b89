using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Export;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Ontology;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// <c>GET /export/graphml</c>, <c>/export/csv</c> (zip of nodes.csv and edges.csv) and <c>/export/json</c> (networkx
/// node-link), streamed from the store. Query: types, relationTypes (repeated or comma-separated), from, to, entity, depth.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapGraphExport(this IEndpointRouteBuilder endpoints, string prefix = "/export")
    {
        endpoints.MapGet(prefix + "/{format}", ExportAsync);
        return endpoints;
    }

    private static async Task ExportAsync(string format, HttpContext context, IGraphStore store, ApiKeyValidator keys,
        IOptionsMonitor<KnowledgeGraphOptions> options)
    {
        // An export is a query: open unless the service requires a key for queries too.
        if (options.CurrentValue.RequireKeyForQueries && !keys.IsValid(context.Request.Headers[ApiKeyValidator.HeaderName]))
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "a valid X-Api-Key header is required");
            return;
        }
        ExportFormat exportFormat;
        ExportFilter filter;
        try
        {
            exportFormat = ExportFormats.Parse(format);
            filter = FilterFrom(context.Request.Query);
            filter.Validate(OntologySchema.Default);
            if (filter.EntityId is not null && (await store.GetEntitiesAsync([filter.EntityId], context.RequestAborted)).Count == 0)
            {
                await Problem(context, StatusCodes.Status404NotFound, $"entity '{filter.EntityId}' does not exist");
                return;
            }
        }
        catch (ArgumentException e)
        {
            await Problem(context, StatusCodes.Status400BadRequest, e.Message);
            return;
        }
        context.Response.ContentType = ExportFormats.ContentType(exportFormat);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ExportFormats.FileName(exportFormat)}\"";
        await GraphExporter.WriteAsync(store, filter, exportFormat, context.Response.Body, context.RequestAborted);
    }

    private static ExportFilter FilterFrom(IQueryCollection query)
    {
        var depthText = query["depth"].ToString();
        var depth = 1;
        if (depthText.Length > 0 && !int.TryParse(depthText, out depth))
            throw new ArgumentException($"depth '{depthText}' is not a whole number");
        return new ExportFilter(List(query["types"]), List(query["relationTypes"]), Text(query["from"]), Text(query["to"]), Text(query["entity"]), depth);
    }

    private static string[]? List(StringValues values)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        return items.Length == 0 ? null : items;
    }

    private static string? Text(StringValues values) => StringValues.IsNullOrEmpty(values) ? null : values.ToString().Trim();

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: "export refused").ExecuteAsync(context);
}
