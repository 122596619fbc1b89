using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Http;

/// <summary>Content negotiation per GraphQL over HTTP.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    private const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";
    private const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>The Content-Type of a response in one of the two media types.</summary>
    public static string WithCharset(string mediaType) => mediaType switch
    {
        GraphQLResponse => GraphQLResponseUtf8,
        Json => JsonUtf8,
        _ => mediaType + "; charset=utf-8",
    };

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
