using GraphQL;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Machine-readable codes for errors this API raises itself (extensions.code).</summary>
public static class GraphErrors
{
    public const string InvalidArgument = "BAD_ARGUMENT";
    public const string InvalidCursor = "BAD_CURSOR";
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string NotFound = "NOT_FOUND";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string ExtractionFailed = "EXTRACTION_FAILED";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
