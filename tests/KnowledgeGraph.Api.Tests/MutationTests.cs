using System.Net;
using KnowledgeGraph.Api.Tests.Infrastructure;
using static KnowledgeGraph.Api.Tests.Infrastructure.AiIndustryGraph;

namespace KnowledgeGraph.Api.Tests;

public sealed class SqliteMutationTests : MutationTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

[Collection(Neo4jTestServer.Collection)]
public sealed class Neo4jMutationTests : MutationTests
{
    protected override TestStore Store => TestStore.Neo4j;
}

public abstract class MutationTests
{
    protected abstract TestStore Store { get; }

    private ApiFactory NewApi() => new(Store);

    private const string Counts = "{ stats { articles deals entitiesByType { count } relationsByType { count } } }";

    private static async Task<string> CountsOf(GraphQLClient client) => (await client.QueryAsync(Counts)).Ok().ToString();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData("test-key-0123456789x")]
    public async Task Mutations_without_a_valid_key_answer_401_and_write_nothing(string? key)
    {
        await using var factory = await NewApi().SeedAsync(All());
        var anonymous = factory.Client(key);
        var before = await CountsOf(anonymous);

        var mutations = new[]
        {
            $"mutation {{ deleteArticle(id: \"{MicrosoftInvestsInOpenAi().Id}\") }}",
            $"mutation {{ mergeEntities(keep: \"{MicrosoftId}\", drop: \"{MicrosoftAi}\") {{ id }} }}",
            "mutation { ingestArticle(input: { title: \"标题\", text: \"微软投资了OpenAI。\" }) { articleId } }",
        };
        foreach (var mutation in mutations)
        {
            var response = await anonymous.QueryAsync(mutation);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Contains("X-Api-Key", response.SingleError("UNAUTHORIZED"));
            Assert.False(response.Body.TryGetProperty("data", out _));
        }

        Assert.Equal(before, await CountsOf(anonymous));
    }

    [Fact]
    public async Task Queries_are_open_unless_configured_otherwise()
    {
        await using var open = await NewApi().SeedAsync(All());
        (await open.Client().QueryAsync(Counts)).Ok();

        await using var closed = NewApi().With("KG:RequireKeyForQueries", "true");
        var refused = await closed.Client().QueryAsync(Counts);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        refused.SingleError("UNAUTHORIZED");
        (await closed.Client(ApiFactory.ApiKey).QueryAsync(Counts)).Ok();
    }

    [Fact]
    public async Task Merge_moves_relations_and_aliases_onto_the_kept_entity()
    {
        await using var factory = await NewApi().SeedAsync(All());
        var client = factory.Client(ApiFactory.ApiKey);

        var merged = (await client.QueryAsync("""
            mutation ($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop) { id aliases relations { totalCount } } }
            """, new { keep = MicrosoftId, drop = MicrosoftAi })).Ok().GetProperty("mergeEntities");

        Assert.Equal(MicrosoftId, merged.GetProperty("id").GetString());
        Assert.Contains("Microsoft AI", merged.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var suleyman = (await client.QueryAsync("""
            { entity(id: "per:mustafa-suleyman") { relations(types: [WORKS_FOR]) { edges { node { object { id } } } } } }
            """)).Ok();
        Assert.Equal(MicrosoftId, suleyman.GetProperty("entity").GetProperty("relations").GetProperty("edges")[0]
            .GetProperty("node").GetProperty("object").GetProperty("id").GetString());
        (await client.QueryAsync($"{{ entity(id: \"{MicrosoftAi}\") {{ id }} }}")).SingleError("NOT_FOUND");
    }

    [Fact]
    public async Task Merging_unknown_or_identical_entities_is_refused_and_changes_nothing()
    {
        await using var factory = await NewApi().SeedAsync(All());
        var client = factory.Client(ApiFactory.ApiKey);
        var before = await CountsOf(client);

        var unknown = await client.QueryAsync($"mutation {{ mergeEntities(keep: \"{MicrosoftId}\", drop: \"org:nobody\") {{ id }} }}");
        Assert.Contains("org:nobody", unknown.SingleError("NOT_FOUND"));
        var same = await client.QueryAsync($"mutation {{ mergeEntities(keep: \"{MicrosoftId}\", drop: \"{MicrosoftId}\") {{ id }} }}");
        same.SingleError("BAD_ARGUMENT");

        Assert.Equal(before, await CountsOf(client));
    }

    [Fact]
    public async Task Deleting_an_article_removes_what_only_it_supported()
    {
        await using var factory = await NewApi().SeedAsync(All());
        var client = factory.Client(ApiFactory.ApiKey);
        var article = MistralRaises().Id;

        var deleted = (await client.QueryAsync("mutation ($id: ID!) { deleteArticle(id: $id) }", new { id = article })).Ok();
        Assert.Equal(article, deleted.GetProperty("deleteArticle").GetString());

        var stats = (await client.QueryAsync("{ stats { articles deals } }")).Ok().GetProperty("stats");
        Assert.Equal(5, stats.GetProperty("articles").GetInt64());
        Assert.Equal(9, stats.GetProperty("deals").GetInt64());
        (await client.QueryAsync($"{{ entity(id: \"{A16z}\") {{ id }} }}")).SingleError("NOT_FOUND");
        var mistral = (await client.QueryAsync($"{{ entity(id: \"{Mistral}\") {{ relations {{ totalCount }} }} }}")).Ok();
        Assert.Equal(3, mistral.GetProperty("entity").GetProperty("relations").GetProperty("totalCount").GetInt32());

        var again = await client.QueryAsync("mutation ($id: ID!) { deleteArticle(id: $id) }", new { id = article });
        Assert.Contains(article, again.SingleError("NOT_FOUND"));
    }

    [Fact]
    public async Task Bad_article_input_is_refused_with_a_clear_error()
    {
        await using var factory = NewApi();
        var client = factory.Client(ApiFactory.ApiKey);

        var empty = await client.QueryAsync("mutation { ingestArticle(input: { title: \"t\", text: \"  \" }) { articleId } }");
        Assert.Contains("input.text", empty.SingleError("BAD_ARGUMENT"));
        var badUrl = await client.QueryAsync("mutation { ingestArticle(input: { text: \"微软\", url: \"ftp://x\" }) { articleId } }");
        Assert.Contains("url", badUrl.SingleError("BAD_ARGUMENT"));
        var tooMany = await client.QueryAsync("mutation ($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { articleId } }",
            new { inputs = Enumerable.Range(0, 101).Select(i => new { text = $"文章{i}" }).ToArray() });
        tooMany.SingleError("BAD_ARGUMENT");
    }
}
