using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// A POST body is judged as bytes before it is deserialised: floods in its 'query' are refused whatever JSON escapes
/// they are written with, and the body is read whole whether or not its length is declared.
/// </summary>
public sealed class RequestBodyTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    [Fact]
    public async Task A_flood_written_with_json_escapes_is_refused_where_its_first_field_past_the_limit_stands()
    {
        // One alias to a line, so the query travels with a \n escape between aliases; a \u escape spells one alias.
        var flood = "{\n" + string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"a{i}: stats {{ articles }}")) + "\n}";
        var body = "{\"query\": \"" + flood.Replace("\n", "\\n").Replace("a7:", "\\u0061\\u0037:") + "\"}";

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("aliases", response.SingleError("FIELD_SELECTION_LIMIT"));
        // Two selections an alias and 500 allowed: the 501st is a250's field, which starts with its alias on line 252.
        var location = Assert.Single(response.Errors).GetProperty("locations")[0];
        Assert.Equal(252, location.GetProperty("line").GetInt32());
        Assert.Equal(1, location.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task A_flood_in_a_repeated_query_member_is_refused_whichever_member_the_serialiser_keeps()
    {
        var flood = HostileQueries.Aliases(10_000).Replace("\"", "\\\"");
        var body = $"{{\"query\": \"{{ stats {{ articles }} }}\", \"query\": \"{flood}\"}}";

        var response = await PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.SingleError("FIELD_SELECTION_LIMIT");
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused_as_invalid_json()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\": \"{ entities(search: \\\"x\\\") { totalCount } }\"}");
        body[body.Length - 8] = 0xFF;

        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("JSON", response.SingleError("INVALID_JSON"));
    }

    [Fact]
    public async Task A_body_of_unknown_length_larger_than_the_first_read_is_read_whole()
    {
        var query = "{ stats { articles } }\n#" + new string('x', 100_000);
        var body = Encoding.UTF8.GetBytes("{\"query\": \"" + query.Replace("\n", "\\n") + "\"}");

        var response = await PostRawAsync(body, declareLength: false);

        Assert.True(response.Ok().GetProperty("stats").GetProperty("articles").GetInt32() > 0);
    }

    private Task<GraphQLResponse> PostRawAsync(byte[] body, bool declareLength = true)
    {
        HttpContent content = declareLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return api.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content });
    }

    /// <summary>A stream that does not tell its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
