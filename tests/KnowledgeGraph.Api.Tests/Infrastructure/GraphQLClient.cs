using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public IReadOnlyList<string> ErrorCodes =>
        Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "")
            .ToList();

    public bool HasData => Body.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null;

    /// <summary>The data, after checking that the request succeeded without errors.</summary>
    public JsonElement Ok()
    {
        Assert.True(Errors.Count == 0, "GraphQL errors: " + string.Join(" | ", Errors.Select(e => e.ToString())));
        Assert.Equal(HttpStatusCode.OK, Status);
        return Data;
    }

    /// <summary>Checks that the response carries exactly one error with this code and returns its message.</summary>
    public string SingleError(string code)
    {
        Assert.True(ErrorCodes.Contains(code), $"expected error code {code}; got: {Body}");
        return Errors[ErrorCodes.ToList().IndexOf(code)].GetProperty("message").GetString()!;
    }
}

/// <summary>Speaks GraphQL over HTTP as any client would: JSON in, JSON out.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public string? ApiKey { get; set; }

    public Task<GraphQLResponse> QueryAsync(string query, object? variables = null, string? operationName = null) =>
        PostAsync(new { query, variables, operationName });

    public async Task<GraphQLResponse> PostAsync(object body, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        return await SendAsync(request, accept);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string accept = "application/graphql-response+json")
    {
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        if (ApiKey is not null)
            request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: the body is not JSON: {text}");
        }
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
