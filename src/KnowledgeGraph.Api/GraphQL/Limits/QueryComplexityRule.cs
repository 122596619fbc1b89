using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Depth and complexity limits for data queries. An operation that only introspects the schema (what GraphiQL and
/// code generators send, about 15 levels deep) is exempt: its cost is bounded by the schema, not by the graph.
/// </summary>
public sealed class QueryComplexityRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        IsIntrospectionOnly(context.Operation) ? default : base.GetPostNodeVisitorAsync(context);

    private static bool IsIntrospectionOnly(GraphQLOperationDefinition? operation) =>
        operation is { Operation: OperationType.Query }
        && operation.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
}
