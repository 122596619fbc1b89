using System.Net;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using GraphQLParser;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL;
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

    [Theory]
    [InlineData("query ($q: String!) { entities(search: $q, first: 20) { totalCount edges { node { id } } } }", false)]
    [InlineData("query ($id: ID!) { entity(id: $id) { id name } }", false)]
    [InlineData("query ($id: ID!, $n: Int!) { neighbourhood(id: $id, depth: 2, limit: $n) { nodes { id } } }", false)]
    [InlineData("query ($n: Int) { entities(first: $n) { totalCount } }", true)]
    [InlineData("query ($n: Int!) { entity(id: \"x\") { relations(last: $n) { totalCount } } }", true)]
    [InlineData("query ($id: ID) { entity(id: $id) { id } }", true)]
    [InlineData("query ($b: Boolean!) { entities(first: 5) { totalCount @include(if: $b) } }", true)]
    [InlineData("query ($b: Boolean!) { ... Page @skip(if: $b) } fragment Page on Query { entities(first: 5) { totalCount } }", true)]
    [InlineData("query ($n: Int!) { ... Page } fragment Page on Query { entities(first: $n) { totalCount } }", true)]
    [InlineData("query ($b: Boolean!) { entities(first: 5) { ... on EntityConnection @include(if: $b) { totalCount } } }", true)]
    public void Variables_sway_the_complexity_verdict_only_through_page_sizes_optional_ids_and_directives(string query, bool sways) =>
        Assert.Equal(sways, ComplexityInputs.DependOnVariables(Parser.Parse(query)));

    /// <summary>
    /// What <see cref="ComplexityInputs"/> assumes: every field's impact is the default one, which reads only first,
    /// last and id. GraphQL.NET sizes two introspection lists by the schema's own counts, whatever the request says.
    /// </summary>
    [Fact]
    public async Task No_field_sets_a_complexity_impact_of_its_own()
    {
        await using var factory = new ApiFactory();
        var schema = factory.Services.GetRequiredService<KnowledgeGraphSchema>();
        schema.Initialize();

        var fields = schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields.Where(field => type.Name != "__Schema" || field.Name is not ("types" or "directives")))
            .Concat([schema.SchemaMetaFieldType, schema.TypeMetaFieldType, schema.TypeNameMetaFieldType]).ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.Null(field.GetComplexityImpactDelegate()));
    }

    [Fact]
    public async Task A_cached_document_whose_directive_adds_a_costly_branch_is_still_refused()
    {
        await using var factory = new ApiFactory();
        var client = factory.Client();
        const string branch = """
            query Branch($deep: Boolean!) { entities(first: 1) { totalCount } ... Costly @include(if: $deep) }
            fragment Costly on Query { costly: entities(first: 500) { edges { node {
                relations(first: 500) { edges { node { evidence(first: 500) { edges { node { sentence { text } } } } } } }
            } } } }
            """;

        (await client.QueryAsync(branch, new { deep = false })).Ok();
        var costly = await client.QueryAsync(branch, new { deep = true });

        Assert.Equal(HttpStatusCode.BadRequest, costly.Status);
        Assert.Contains("complex", costly.SingleError("COMPLEXITY"));
    }

    [Fact]
    public async Task A_cached_document_with_variables_outside_the_limits_answers_for_each_request()
    {
        await using var factory = await new ApiFactory().SeedAsync(AiIndustryGraph.All());
        var client = factory.Client();
        const string lookup = "query ($id: ID!) { entity(id: $id) { id name } }";

        var first = (await client.QueryAsync(lookup, new { id = AiIndustryGraph.OpenAi })).Ok();
        var second = (await client.QueryAsync(lookup, new { id = AiIndustryGraph.Anthropic })).Ok();
        var missing = await client.QueryAsync(lookup, new { id = "org:nobody" });

        Assert.Equal("OpenAI", first.GetProperty("entity").GetProperty("name").GetString());
        Assert.Equal(AiIndustryGraph.Anthropic, second.GetProperty("entity").GetProperty("id").GetString());
        Assert.NotEmpty(missing.Errors);
        var documents = factory.Services.GetRequiredService<RequestDocuments>();
        Assert.Empty(documents.RulesFor(documents.Prepare(lookup, null)));
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
