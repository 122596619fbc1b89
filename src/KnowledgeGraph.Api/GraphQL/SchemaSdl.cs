using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using KnowledgeGraph.Api.Configuration;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The schema as SDL, as kept in graph-schema/schema.graphql.</summary>
public static class SchemaSdl
{
    public const string RepositoryPath = "graph-schema/schema.graphql";

    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>Prints the schema without a store or a server: `KnowledgeGraph.Api --print-schema`.</summary>
    public static string PrintWithoutServices()
    {
        using var services = new ServiceCollection().AddKnowledgeGraphQL(new QueryLimits()).BuildServiceProvider();
        return Print(services.GetRequiredService<KnowledgeGraphSchema>());
    }
}
