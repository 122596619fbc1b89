using System.Net;
using GraphQL.Execution;
using GraphQLParser;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Documents;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Validated documents are reused by their text; what depends on the variables must still be judged per request.
/// </summary>
public sealed class DocumentCacheTests
{
    private const string PagedEvidence = """
        query Evidence($n: Int!) { entities(first: $n) { edges { node {
            relations(first: $n) { edges { node { evidence(first: $n) { edges { node { sentence { text } } } } } } }
        } } } }
        """;

    [Fact]
    public async Task A_cached_document_is_still_refused_when_its_variables_make_it_too_complex()
    {
        await using var factory = new ApiFactory();
        var client = factory.Client();
        var cache = factory.Services.GetRequiredService<ValidatedDocumentCache>();

        (await client.QueryAsync(PagedEvidence, new { n = 1 })).Ok();
        Assert.Equal(1, cache.Count);

        var large = await client.QueryAsync(PagedEvidence, new { n = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("complex", large.SingleError("COMPLEXITY"));

        (await client.QueryAsync(PagedEvidence, new { n = 2 })).Ok();
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_cached_document_still_checks_the_types_of_its_variables()
    {
        await using var factory = new ApiFactory();
        var client = factory.Client();
        const string stats = "query Stats($top: Int) { stats(top: $top) { articles } }";

        (await client.QueryAsync(stats, new { top = 1 })).Ok();
        var wrongType = await client.QueryAsync(stats, new { top = "many" });

        Assert.NotEmpty(wrongType.Errors);
        Assert.False(wrongType.HasData);
    }

    [Fact]
    public async Task Refused_documents_are_not_cached()
    {
        await using var factory = new ApiFactory();
        var cache = factory.Services.GetRequiredService<ValidatedDocumentCache>();

        var response = await factory.Client().QueryAsync("{ entities(first: 1) { noSuchField } }");

        Assert.NotEmpty(response.Errors);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_least_recently_used_document_leaves_first()
    {
        var cache = new ValidatedDocumentCache(capacity: 2, maxQueryLength: 100);
        cache.Add("{ a }", null, Parser.Parse("{ a }"));
        cache.Add("{ b }", null, Parser.Parse("{ b }"));
        Assert.NotNull(cache.Find("{ a }", null));

        cache.Add("{ c }", null, Parser.Parse("{ c }"));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Find("{ a }", null));
        Assert.Null(cache.Find("{ b }", null));
        Assert.NotNull(cache.Find("{ c }", null));
    }

    [Fact]
    public void Operation_names_and_long_texts_are_told_apart()
    {
        var cache = new ValidatedDocumentCache(capacity: 10, maxQueryLength: 20);
        const string two = "query A { a } query B { b }";
        cache.Add("{ a }", "A", Parser.Parse("{ a }"));
        cache.Add(two, "A", Parser.Parse(two));

        Assert.Null(cache.Find("{ a }", "B"));
        Assert.Null(cache.Find(two, "A"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_cached_document_is_validated_again_only_by_rules_its_variables_can_sway()
    {
        var limits = new QueryLimits();
        var rules = new ValidationRuleSets(limits);
        var documents = new RequestDocuments(new GraphQLDocumentBuilder(), 64, new ValidatedDocumentCache(10, 1000), rules, limits);
        const string withVariables = "query ($n: Int) { entities(first: $n) { totalCount } }";
        const string withoutVariables = "{ entities(first: 5) { totalCount } }";

        var fresh = documents.Prepare(withoutVariables, null);
        Assert.Same(rules.ForNewDocuments, documents.RulesFor(fresh));
        documents.PassedValidation(fresh);
        documents.PassedValidation(documents.Prepare(withVariables, null));

        Assert.Empty(documents.RulesFor(documents.Prepare(withoutVariables, null)));
        Assert.Same(rules.ForValidatedDocuments, documents.RulesFor(documents.Prepare(withVariables, null)));
    }

    [Fact]
    public async Task A_repeated_document_without_variables_keeps_its_answer()
    {
        await using var factory = new ApiFactory();
        var client = factory.Client();
        const string stats = "{ stats { articles } }";

        var first = (await client.QueryAsync(stats)).Ok().GetRawText();
        var again = (await client.QueryAsync(stats)).Ok().GetRawText();

        Assert.Equal(first, again);
        Assert.Equal(1, factory.Services.GetRequiredService<ValidatedDocumentCache>().Count);
    }
}
