using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Http;

/// <summary>Content negotiation per GraphQL over HTTP.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type the client accepts, or null when it accepts neither.</summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
            return GraphQLResponse;
        foreach (var candidate in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (candidate.Quality == 0)
                continue;
            var type = candidate.MediaType.Value ?? "";
            if (type.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
                return GraphQLResponse;
            if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
                return Json;
        }
        return null;
    }

    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    public static bool WantsHtml(IList<MediaTypeHeaderValue> accept) =>
        accept.Any(a => string.Equals(a.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase));
}
