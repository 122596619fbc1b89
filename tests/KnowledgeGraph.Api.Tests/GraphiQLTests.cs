using System.Net;
using System.Net.Http.Headers;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

public sealed class GraphiQLTests
{
    [Fact]
    public async Task Browsers_get_graphiql_from_the_bundled_files_with_nothing_from_elsewhere()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var page = await http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/graphiql/app.js", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);

        using var script = await http.GetAsync("/graphiql/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "the bundle should hold GraphiQL and React");
        using var styles = await http.GetAsync("/graphiql/app.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }

    [Fact]
    public async Task Clients_that_do_not_ask_for_html_still_get_graphql_on_get()
    {
        await using var factory = new ApiFactory();
        var response = await factory.Client().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.SingleError("QUERY_MISSING");
    }
}
