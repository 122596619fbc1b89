using System.Text;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Documents;
using KnowledgeGraph.Api.GraphQL.Limits;
using KnowledgeGraph.Api.Tests.Infrastructure;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The pass over the text before parsing may only refuse what the checks on the parsed tree refuse too: it must count
/// selections as the tree count does, and every depth it refuses must be one the parser refuses.
/// </summary>
public sealed class DocumentPrescanTests
{
    public static TheoryData<string> ExecutableDocuments() =>
    [
        "{ stats { articles } }",
        "{ a: stats { articles } b: stats { n: articles } }",
        """query Q($id: ID! = "x{y}", $f: EntityFilter = { types: [ORGANIZATION], name: "}}}" }) @cached { entity(id: $id) { id } }""",
        """{ entity(id: "a\"b{") { ... on Entity { name } ...F @include(if: true) ... @skip(if: false) { id } } } fragment F on Entity { degree }""",
        "{ on: entity(id: \"1\") { on } }\n# { commented: out { fields } }\n{ x }",
        "query A { stats { articles } } mutation B { deleteArticle(id: 1.5e3, block: \"\"\" { \\\"\"\" } \"\"\") { ok } } subscription C { s }",
        "{ entities(first: 2, after: null, where: { and: [{ a: 1 }, { b: [1, 2, -3] }] }) @d(x: [1]) { edges { cursor node { id } } } }",
        "\uFEFF{ a,b,,c\r\nd\re }",
        "{ a:\uFEFFb \uFEFF... on T { c } }",
        "{ entities(search: \"微软 { x y }\") { edges { node { name } } } }\n# 注释 { z }\n{ w }",
        HostileQueries.GraphiQLIntrospection,
        HostileQueries.FragmentCycle,
        HostileQueries.FragmentBomb(5),
        HostileQueries.IntrospectionLoop(3),
        HostileQueries.Depth(20),
    ];

    [Theory]
    [MemberData(nameof(ExecutableDocuments))]
    public void Counts_the_selections_the_parsed_tree_holds(string text)
    {
        var scan = Scan(text, maxSelections: 10_000, parserMaxDepth: 128);

        Assert.Equal(PrescanVerdict.LeftToParser, scan.Verdict);
        Assert.Equal(FieldsIn(GraphQLParser.Parser.Parse(text)), scan.Selections);
    }

    [Fact]
    public void Refuses_an_alias_flood_the_tree_count_refuses_and_points_at_a_field()
    {
        var text = HostileQueries.Aliases(10_000);

        var scan = Scan(text, maxSelections: 500, parserMaxDepth: 64);

        Assert.Equal(PrescanVerdict.TooManySelections, scan.Verdict);
        var document = GraphQLParser.Parser.Parse(text);
        Assert.NotNull(FieldSelectionCount.FirstPastLimit(document, 500));
        Assert.Contains(FieldsOf(document), field => field.Location.Start == scan.Position);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public void Every_selection_depth_it_refuses_the_parser_refuses(int parserMaxDepth)
    {
        static string Nested(int levels) => string.Concat(Enumerable.Repeat("{ a ", levels)) + new string('}', levels);

        var shallowestRefused = ShallowestRefused(Nested, parserMaxDepth);

        Assert.Throws<GraphQLMaxDepthExceededException>(() => Parse(Nested(shallowestRefused), parserMaxDepth));
        Assert.Equal(PrescanVerdict.TooDeep, Scan(HostileQueries.Depth(100), 500, parserMaxDepth).Verdict);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public void Every_value_and_type_depth_it_refuses_the_parser_refuses(int parserMaxDepth)
    {
        static string NestedList(int levels) => "{ a(b: " + new string('[', levels) + "1" + new string(']', levels) + ") }";
        static string NestedListType(int levels) => "query ($v: " + new string('[', levels) + "Int" + new string(']', levels) + ") { a }";
        static string NestedObject(int levels) =>
            "{ a(b: " + string.Concat(Enumerable.Repeat("{ c: ", levels)) + "1" + new string('}', levels) + ") }";

        Assert.Throws<GraphQLMaxDepthExceededException>(() => Parse(NestedList(ShallowestRefused(NestedList, parserMaxDepth)), parserMaxDepth));
        Assert.Throws<GraphQLMaxDepthExceededException>(() => Parse(NestedObject(ShallowestRefused(NestedObject, parserMaxDepth)), parserMaxDepth));
        Assert.Throws<GraphQLMaxDepthExceededException>(() => Parse(NestedListType(ShallowestRefused(NestedListType, parserMaxDepth)), parserMaxDepth));
    }

    [Fact]
    public void Leaves_type_definitions_and_descriptions_to_the_parser()
    {
        var fields = string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"f{i}: Int"));

        Assert.Equal(PrescanVerdict.LeftToParser, Scan("type T { " + fields + " }", 500, 64).Verdict);
        Assert.Equal(PrescanVerdict.LeftToParser, Scan("\"about\" query { " + fields + " }", 500, 64).Verdict);
    }

    [Fact]
    public void Refuses_floods_without_calling_the_parser()
    {
        var limits = new QueryLimits();
        var parser = new CountingParser();
        var documents = new RequestDocuments(parser, 64, new ValidatedDocumentCache(10, 1000), new ValidationRuleSets(limits), limits);

        var flood = Assert.Throws<ExecutionError>(() => documents.Prepare(HostileQueries.Aliases(10_000), null));
        Assert.Throws<GraphQLMaxDepthExceededException>(() => documents.Prepare(HostileQueries.Depth(100), null));
        documents.Prepare("{ stats { articles } }", null);

        Assert.Equal(RequestDocuments.FieldSelectionLimit, flood.Code);
        Assert.Equal(1, parser.Calls);
    }

    /// <summary>The pass reads UTF-8, as a POST body holds it.</summary>
    private static PrescanResult Scan(string text, int maxSelections, int parserMaxDepth) =>
        DocumentPrescan.Scan(Encoding.UTF8.GetBytes(text), maxSelections, parserMaxDepth);

    private static int ShallowestRefused(Func<int, string> document, int parserMaxDepth)
    {
        for (var levels = 1; levels <= parserMaxDepth + 1; levels++)
        {
            if (Scan(document(levels), 500, parserMaxDepth).Verdict == PrescanVerdict.TooDeep)
            {
                Assert.Equal(PrescanVerdict.LeftToParser, Scan(document(levels - 1), 500, parserMaxDepth).Verdict);
                return levels;
            }
        }
        throw new Xunit.Sdk.XunitException($"Nothing up to {parserMaxDepth + 1} levels was refused as too deep.");
    }

    private static GraphQLDocument Parse(string text, int parserMaxDepth) =>
        GraphQLParser.Parser.Parse(text, new GraphQLParser.ParserOptions { MaxDepth = parserMaxDepth });

    private static int FieldsIn(GraphQLDocument document) => FieldsOf(document).Count();

    private static IEnumerable<GraphQLField> FieldsOf(GraphQLDocument document)
    {
        var roots = document.Definitions.Select(definition => definition switch
        {
            GraphQLOperationDefinition operation => operation.SelectionSet,
            GraphQLFragmentDefinition fragment => fragment.SelectionSet,
            _ => null,
        }).OfType<GraphQLSelectionSet>();
        return SelectionWalk.Under(roots).OfType<GraphQLField>();
    }

    private sealed class CountingParser : IDocumentBuilder
    {
        private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = 64 };

        public int Calls { get; private set; }

        public GraphQLDocument Build(string body)
        {
            Calls++;
            return _parser.Build(body);
        }
    }
}
