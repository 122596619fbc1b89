using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Every selection written under some selection sets, fields, spreads and inline fragments alike, without following
/// spreads into their fragments. An explicit stack rather than recursion: these walks run before the parser's output
/// has been validated, on documents a client may have nested as deep as the parser allows.
/// </summary>
public static class SelectionWalk
{
    public static IEnumerable<ASTNode> Under(IEnumerable<GraphQLSelectionSet> roots)
    {
        var pending = new Stack<GraphQLSelectionSet>(roots);
        while (pending.TryPop(out var selections))
        {
            foreach (var selection in selections.Selections)
            {
                yield return selection;
                if (selection is GraphQLField { SelectionSet: { } below })
                    pending.Push(below);
                else if (selection is GraphQLInlineFragment inline)
                    pending.Push(inline.SelectionSet);
            }
        }
    }
}
