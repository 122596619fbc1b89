using System.Text;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>Documents built to exhaust a GraphQL server, shared by the tests and the hostile-query benchmark.</summary>
public static class HostileQueries
{
    /// <summary>A chain of <paramref name="fields"/> nested fields: entity → relations → edges → node → subject → …</summary>
    public static string Depth(int fields)
    {
        var steps = new[] { "relations", "edges", "node", "subject" };
        var leaves = new[] { "totalCount", "cursor", "type", "id" };
        var query = new StringBuilder("{ entity(id: \"org:microsoft\") { ");
        for (var i = 1; i < fields - 1; i++)
            query.Append(steps[(i - 1) % steps.Length]).Append(" { ");
        query.Append(leaves[(fields - 3) % leaves.Length]);
        query.Append(new string('}', fields - 1).Replace("}", " }"));
        return query.Append(" }").ToString();
    }

    public static string Aliases(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: stats {{ articles }}")) + " }";

    public const string FragmentCycle = """
        { entity(id: "org:microsoft") { ...A } }
        fragment A on Entity { name relations { edges { node { subject { ...B } } } } }
        fragment B on Entity { id ...A }
        """;

    /// <summary>Each fragment spreads the next twice: 2^levels selections once expanded, from a tiny document.</summary>
    public static string FragmentBomb(int levels)
    {
        var document = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < levels; i++)
            document.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        return document.Append($"fragment F{levels} on Query {{ stats {{ articles }} }}\n").ToString();
    }

    /// <summary>A syntactically valid query of about <paramref name="bytes"/> bytes: one field and a long comment.</summary>
    public static string Huge(int bytes) => "{ stats { articles } }\n#" + new string('x', bytes);

    /// <summary>__schema → types → fields → type → fields → type …: every level multiplies the answer by the schema's size.</summary>
    public static string IntrospectionLoop(int rounds)
    {
        var query = new StringBuilder("{ __schema { types { name ");
        for (var i = 0; i < rounds; i++)
            query.Append("fields { name type { name ");
        query.Append(new string('}', 2 * rounds).Replace("}", " }"));
        return query.Append(" } } }").ToString();
    }

    /// <summary>The introspection query GraphiQL and code generators send.</summary>
    public const string GraphiQLIntrospection = """
        query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { ...FullType } directives { name args { ...InputValue } } } }
        fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } }
          inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name } possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        """;
}
