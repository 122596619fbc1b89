using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.Diagnostics;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Documents;
using KnowledgeGraph.Api.GraphQL.Limits;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP: POST application/json for everything, GET for queries only; the response media type follows
/// Accept. Requests that are refused (too large, unparseable, keyless mutations) never reach execution.
/// </summary>
public sealed partial class GraphQLHttpEndpoint(
    IDocumentExecuter<KnowledgeGraphSchema> executer,
    GraphQLBodySerializer serializer,
    RequestDocuments documents,
    ApiKeyValidator keys,
    IOptionsMonitor<KnowledgeGraphOptions> options,
    ApiMetrics metrics,
    IdleMemoryRelease idleMemory,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private static readonly IReadOnlyList<string> NoCodes = [];

    private readonly QueryScreen _screenQuery = documents.RefuseFloods;

    public async Task HandlePostAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request.GetTypedHeaders().Accept);
        if (mediaType is null)
        {
            await RefuseAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.", started);
            return;
        }
        if (!GraphQLMediaTypes.IsJsonRequest(http.Request.ContentType))
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"POST bodies must be {GraphQLMediaTypes.Json} (UTF-8); got '{http.Request.ContentType}'.", started);
            return;
        }
        var limit = options.CurrentValue.Limits.MaxRequestBytes;
        using var body = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
                $"The request body is larger than {limit} bytes.", started);
            return;
        }
        string? shape;
        try
        {
            shape = RequestShape.Problem(body.Bytes, _screenQuery);
        }
        catch (Exception refusal) when (IsDocumentRefusal(refusal))
        {
            await RefuseDocumentAsync(http, mediaType, refusal, started);
            return;
        }
        if (shape is not null)
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status400BadRequest, "INVALID_JSON",
                "The body is not a GraphQL request in JSON: " + shape + ".", started);
            return;
        }
        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(body.Bytes);
        }
        // ArgumentException: an object in the variables names a member twice (found by fuzzing; it was a 500).
        catch (Exception error) when (error is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status400BadRequest, "INVALID_JSON",
                "The body is not a GraphQL request in JSON" + WhereIn(error) + ": " + Explain(error), started);
            return;
        }
        await ExecuteAsync(http, request, mediaType, allowMutations: true, started);
    }

    public async Task HandleGetAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var mediaType = GraphQLMediaTypes.Negotiate(http.Request.GetTypedHeaders().Accept);
        if (mediaType is null)
        {
            await RefuseAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.", started);
            return;
        }
        var limit = options.CurrentValue.Limits.MaxRequestBytes;
        if (http.Request.QueryString.Value?.Length > limit)
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
                $"The query string is larger than {limit} bytes; send large requests with POST.", started);
            return;
        }
        var query = http.Request.Query;
        GraphQLRequest request;
        try
        {
            request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = query["operationName"],
                Variables = query.TryGetValue("variables", out var variables) ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
                Extensions = query.TryGetValue("extensions", out var extensions) ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
            };
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or NotSupportedException)
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status400BadRequest, "INVALID_JSON",
                "variables and extensions must be JSON objects: " + error.Message, started);
            return;
        }
        await ExecuteAsync(http, request, mediaType, allowMutations: false, started);
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest? request, string mediaType, bool allowMutations, long started)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status400BadRequest, "QUERY_MISSING",
                "The request has no 'query'.", started);
            return;
        }
        PreparedDocument prepared;
        try
        {
            prepared = documents.Prepare(request.Query, request.OperationName);
        }
        catch (Exception refusal) when (IsDocumentRefusal(refusal))
        {
            await RefuseDocumentAsync(http, mediaType, refusal, started);
            return;
        }

        var operation = FindOperation(prepared.Document, request.OperationName);
        var operationType = operation?.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            OperationType.Query => "query",
            _ => "unknown",
        };
        if (operation?.Operation is OperationType.Mutation or OperationType.Subscription && !allowMutations)
        {
            http.Response.Headers.Allow = "POST";
            await RefuseAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Mutations are only accepted over POST.", started, operationType);
            return;
        }
        var needsKey = operation?.Operation == OperationType.Mutation || options.CurrentValue.RequireKeyForQueries;
        if (needsKey && !keys.IsValid(http.Request.Headers[ApiKeyValidator.HeaderName]))
        {
            await RefuseAsync(http, mediaType, StatusCodes.Status401Unauthorized, GraphErrors.Unauthorized,
                $"This operation needs a valid API key in the {ApiKeyValidator.HeaderName} header.", started, operationType);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = prepared.Document,
            ValidationRules = documents.RulesFor(prepared),
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
        if (result.Executed)
            documents.PassedValidation(prepared);
        var status = result.Executed ? StatusCodes.Status200OK : RequestErrorStatus(mediaType);
        if (result.Errors?.Any(error => error.Code == QueryExecutionGate.Busy) == true)
        {
            status = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
        }
        await RespondAsync(http, mediaType, status, result, operationType, started);
    }

    /// <summary>What <see cref="RequestDocuments"/> throws for a document it will not parse or run.</summary>
    private static bool IsDocumentRefusal(Exception error) => error is ExecutionError or GraphQLMaxDepthExceededException;

    /// <summary>Refused before parsing finished, the operation's type is not known yet.</summary>
    private Task RefuseDocumentAsync(HttpContext http, string mediaType, Exception refusal, long started) =>
        refusal is ExecutionError error
            ? RespondAsync(http, mediaType, RequestErrorStatus(mediaType), new ExecutionResult { Errors = [error] }, "unknown", started)
            : RefuseAsync(http, mediaType, RequestErrorStatus(mediaType), "MAX_DEPTH_EXCEEDED",
                $"The document nests past the parser's depth limit; queries may be at most {options.CurrentValue.Limits.MaxDepth} fields deep.",
                started);

    private static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    /// <summary>Where in the body the JSON went wrong, when the reader knows: " at $.variables" and the like.</summary>
    private static string WhereIn(Exception error) =>
        error is JsonException { Path: { Length: > 0 } path } ? $" at {path}" : "";

    /// <summary>The serialiser's message, with the reader's reason when it only wraps one (an invalid surrogate, say).</summary>
    private static string Explain(Exception error) =>
        error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message;

    /// <summary>GraphQL over HTTP: request errors are 400 under the new media type, 200 under plain JSON.</summary>
    private static int RequestErrorStatus(string mediaType) =>
        mediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private Task RefuseAsync(HttpContext http, string mediaType, int status, string code, string message, long started,
        string operationType = "unknown") =>
        RespondAsync(http, mediaType, status, new ExecutionResult { Errors = [GraphErrors.Error(code, message)] }, operationType, started);

    private async Task RespondAsync(HttpContext http, string mediaType, int status, ExecutionResult result, string operationType, long started)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = GraphQLMediaTypes.WithCharset(mediaType);
        // Serialised whole before sending, as GraphQL.NET's result converter wrote into the stream writer's buffer anyway:
        // the response states its length and goes out in one write, not as chunks followed by a closing one.
        using (var body = new PooledResponseBuffer())
        {
            serializer.Serialize(body, result);
            http.Response.ContentLength = body.WrittenMemory.Length;
            await http.Response.BodyWriter.WriteAsync(body.WrittenMemory, http.RequestAborted);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var codes = result.Errors is { Count: > 0 } errors ? errors.Select(e => e.Code ?? "UNKNOWN").ToList() : NoCodes;
        metrics.Record(operationType, status, elapsed, codes);
        idleMemory.NoteRequest();
        LogRequest(logger, http.Request.Method, operationType, status, elapsed.TotalMilliseconds, codes.Count,
            codes.Count == 0 ? "" : string.Join(',', codes.Distinct()));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "GraphQL {Method} {OperationType} answered {StatusCode} in {ElapsedMs:0.0} ms with {ErrorCount} errors {ErrorCodes}")]
    private static partial void LogRequest(ILogger logger, string method, string operationType, int statusCode, double elapsedMs,
        int errorCount, string errorCodes);
}
