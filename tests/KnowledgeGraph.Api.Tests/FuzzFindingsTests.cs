using System.Net;
using System.Net.Http.Headers;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Every body kept under tests/fuzz/graphql/finds, posted with a valid key to the service over a seeded SQLite store,
/// with the fuzz harness's checks: no server error, a GraphQL JSON answer, and no field failing with an unhandled
/// exception ("Internal error").
/// </summary>
public sealed class FuzzFindingsTests(SqliteSeededApi api) : IClassFixture<SqliteSeededApi>
{
    public static TheoryData<string> GraphQLFindings
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests", "fuzz", "graphql", "finds")).Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(file));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(GraphQLFindings))]
    public async Task The_endpoint_answers_every_finding_with_graphql_json(string finding)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "tests", "fuzz", "graphql", "finds", finding));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await api.Factory.Client(ApiFactory.ApiKey).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content });

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.True(response.Errors.Count > 0 || response.HasData, $"neither data nor errors: {response.Body}");
        Assert.All(response.Errors, error => Assert.DoesNotContain("Internal error", error.GetProperty("message").GetString()));
        Assert.All(response.ErrorCodes, code => Assert.NotEmpty(code));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeGraph.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("KnowledgeGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
