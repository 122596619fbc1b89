using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Counts the field selections a parsed document writes out, aliases each on their own, in operations and fragment
/// definitions alike. It runs before validation: a flood of ten thousand aliases is refused after one walk over the
/// tree instead of after every validation rule has visited each alias.
/// </summary>
public static class FieldSelectionCount
{
    /// <summary>The first field past <paramref name="maxSelections"/>, or null when the document stays within it.</summary>
    public static GraphQLField? FirstPastLimit(GraphQLDocument document, int maxSelections)
    {
        var roots = document.Definitions.Select(definition => definition switch
        {
            GraphQLOperationDefinition operation => operation.SelectionSet,
            GraphQLFragmentDefinition fragment => fragment.SelectionSet,
            _ => null,
        }).OfType<GraphQLSelectionSet>();
        var count = 0;
        foreach (var field in SelectionWalk.Under(roots).OfType<GraphQLField>())
        {
            if (++count > maxSelections)
                return field;
        }
        return null;
    }
}
