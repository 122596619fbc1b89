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
        var count = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation)
                pending.Push(operation.SelectionSet);
            else if (definition is GraphQLFragmentDefinition fragment)
                pending.Push(fragment.SelectionSet);
        }
        while (pending.TryPop(out var selections))
        {
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        if (++count > maxSelections)
                            return field;
                        if (field.SelectionSet is { } below)
                            pending.Push(below);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        return null;
    }
}
