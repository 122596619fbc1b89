using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Neo4j's HTTP Cypher API: discovery from GET /, then each call posts all its statements to the commit endpoint,
/// which runs them as one transaction, so a failure anywhere leaves nothing written. Transient failures are retried
/// as a whole call; that is safe because a failed commit request has rolled back. When the retries run out on a server
/// that cannot be reached, the caller gets <see cref="GraphStoreUnavailableException"/> and may try again later.
/// </summary>
internal sealed class CypherClient
{
    private readonly HttpClient _http;
    private readonly Neo4jGraphStoreOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private Neo4jServer? _server;

    public CypherClient(HttpClient http, Neo4jGraphStoreOptions options)
    {
        _http = http;
        _options = options;
        if (options.Uri is null)
            throw new ArgumentException("Neo4j:Uri is not set; give the server's HTTP address, e.g. http://127.0.0.1:7474", nameof(options));
        _retry = options.MaxRetryAttempts < 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder()
                        .Handle<HttpRequestException>()
                        .Handle<Neo4jException>(e => e.IsTransient),
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                })
                .Build();
    }

    public async Task<Neo4jServer> ServerAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) return _server;
        await _discoveryLock.WaitAsync(cancellationToken);
        try
        {
            return _server ??= await Unavailable(() => _retry.ExecuteAsync(async ct => await DiscoverAsync(ct), cancellationToken), cancellationToken);
        }
        finally
        {
            _discoveryLock.Release();
        }
    }

    /// <summary>Runs the statements in one transaction and returns one result per statement.</summary>
    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        RunAsync(statements, _retry, cancellationToken);

    /// <summary>One attempt, no retries: for probes that must answer quickly, such as a health check.</summary>
    public Task<IReadOnlyList<CypherResult>> RunOnceAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        RunAsync(statements, ResiliencePipeline.Empty, cancellationToken);

    private async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, ResiliencePipeline retry,
        CancellationToken cancellationToken)
    {
        var server = await ServerAsync(cancellationToken);
        return await Unavailable(() => retry.ExecuteAsync(async ct => await PostAsync(server.CommitEndpoint, statements, ct), cancellationToken),
            cancellationToken);
    }

    /// <summary>Turns "cannot reach the server" into the port's own exception; refusals by the server stay as they are.</summary>
    private async ValueTask<T> Unavailable<T>(Func<ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException e)
        {
            throw new GraphStoreUnavailableException($"Neo4j at {_options.Uri} cannot be reached: {e.Message}", e);
        }
        catch (Neo4jException e) when (e.IsTransient)
        {
            throw new GraphStoreUnavailableException($"Neo4j at {_options.Uri} is unavailable for now: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphStoreUnavailableException($"Neo4j at {_options.Uri} did not answer in time", e);
        }
    }

    public async Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken) =>
        (await RunAsync([statement], cancellationToken))[0];

    private async Task<Neo4jServer> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = new Uri(_options.Uri!, "/");
        using var rootDocument = await GetJsonAsync(root, cancellationToken);
        var links = rootDocument.RootElement;
        if (links.TryGetProperty("transaction", out var transaction) && transaction.GetString() is { } transactionTemplate)
        {
            var database = Uri.EscapeDataString(_options.Database);
            var path = new Uri(transactionTemplate.Replace("{databaseName}", database, StringComparison.Ordinal)).AbsolutePath;
            var version = links.TryGetProperty("neo4j_version", out var v) ? v.GetString() ?? "" : "";
            return new Neo4jServer(version, new Uri(root, path.TrimEnd('/') + "/commit"));
        }
        if (links.TryGetProperty("data", out var data) && data.GetString() is { } dataLink)
        {
            var dataUri = new Uri(root, new Uri(dataLink).AbsolutePath);
            using var dataDocument = await GetJsonAsync(dataUri, cancellationToken);
            var version = dataDocument.RootElement.TryGetProperty("neo4j_version", out var v) ? v.GetString() ?? "3" : "3";
            return new Neo4jServer(version, new Uri(dataUri, "transaction/commit"));
        }
        throw new Neo4jException("Discovery.UnknownServer",
            $"GET {root} answered without a 'transaction' or 'data' link; is {_options.Uri} a Neo4j HTTP endpoint?");
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Authorize(request);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ThrowOnHttpFailure(response, uri, text);
        return JsonDocument.Parse(text);
    }

    private async Task<IReadOnlyList<CypherResult>> PostAsync(Uri endpoint, IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new CypherRequestContent(statements) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Authorize(request);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            ThrowOnHttpFailure(response, endpoint, await response.Content.ReadAsStringAsync(cancellationToken));
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return ParseResults(document);
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (string.IsNullOrEmpty(_options.User)) return;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    private void ThrowOnHttpFailure(HttpResponseMessage response, Uri uri, string body)
    {
        if (response.IsSuccessStatusCode) return;
        if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            throw new Neo4jException(Neo4jException.UnavailableCode, $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        var (code, message) = FirstError(body) ?? ($"Http.{response.StatusCode}", Shorten(body));
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            message = $"{message} (user '{_options.User ?? "(none)"}' at {_options.Uri}; check Neo4j:User and Neo4j:Password)";
        throw new Neo4jException(code, $"{message} [{(int)response.StatusCode} from {uri}]");
    }

    private static IReadOnlyList<CypherResult> ParseResults(JsonDocument document)
    {
        if (FirstError(document) is var (code, message))
            throw new Neo4jException(code, message);
        var results = new List<CypherResult>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            var columns = result.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            var rows = result.GetProperty("data").EnumerateArray()
                .Select(d => d.GetProperty("row").EnumerateArray().Select(v => v.Clone()).ToArray())
                .ToList();
            results.Add(new CypherResult(columns, rows));
        }
        return results;
    }

    private static (string Code, string Message)? FirstError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return FirstError(document);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string Code, string Message)? FirstError(JsonDocument document)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("errors", out var errors) || errors.GetArrayLength() == 0) return null;
        var first = errors[0];
        return (first.GetProperty("code").GetString() ?? "Neo.Unknown", first.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
