using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Introspection is exempt from the depth and complexity limits (<see cref="QueryComplexityRule"/>), but the
/// introspection types loop: __Type.fields → __Field.type → __Type.fields … and every turn multiplies the answer by the
/// size of the schema. This rule allows what GraphiQL and code generators ask (one list of members per path, ofType
/// nested a few levels) and refuses loops, following fragments as well as plain selections. Expanding fragments is
/// itself bounded, which also refuses fragments that fan out exponentially anywhere in an operation.
/// </summary>
public sealed class IntrospectionLoopRule : ValidationRuleBase
{
    public const int MaxMemberListsPerPath = 1;
    public const int MaxOfTypeDepth = 12;

    /// <summary>
    /// Selections visited per operation, fragments expanded. Fragments that spread the next one twice reach millions
    /// from a few lines; such a document is refused once past the budget, introspection or not.
    /// </summary>
    public const int VisitBudget = 20_000;

    private static readonly HashSet<string> MemberLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
        {
            var fragments = validation.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                .GroupBy(f => f.FragmentName.Name.StringValue)
                .ToDictionary(g => g.Key, g => g.First());
            var walk = new Walk(fragments);
            if (walk.Root(operation.SelectionSet) is not { } offending)
                return;
            validation.ReportError(walk.OverBudget
                ? new FragmentExpansionLimitError(validation, VisitBudget, offending)
                : new IntrospectionTooDeepError(validation, walk.Reason, offending));
        }));

    private sealed class Walk(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly HashSet<string> _fragmentsOnPath = [];
        private int _visits;

        public string Reason { get; private set; } = "";

        public bool OverBudget => _visits > VisitBudget;

        /// <summary>The first offending node of the operation, or null.</summary>
        public ASTNode? Root(GraphQLSelectionSet selections) =>
            Each(selections, field => Visit(field, introspecting: false, memberLists: 0, ofTypes: 0));

        private ASTNode? Visit(GraphQLField field, bool introspecting, int memberLists, int ofTypes)
        {
            var name = field.Name.StringValue;
            introspecting |= name is "__schema" or "__type";
            if (introspecting)
            {
                memberLists += MemberLists.Contains(name) ? 1 : 0;
                ofTypes += name == "ofType" ? 1 : 0;
                if (memberLists > MaxMemberListsPerPath)
                {
                    Reason = $"'{name}' inside another list of type members loops through the schema";
                    return field;
                }
                if (ofTypes > MaxOfTypeDepth)
                {
                    Reason = $"ofType is nested more than {MaxOfTypeDepth} levels";
                    return field;
                }
            }
            return field.SelectionSet is { } below
                ? Each(below, child => Visit(child, introspecting, memberLists, ofTypes))
                : null;
        }

        /// <summary>Applies <paramref name="check"/> to every field of the set, looking through fragments.</summary>
        private ASTNode? Each(GraphQLSelectionSet selections, Func<GraphQLField, ASTNode?> check)
        {
            foreach (var selection in selections.Selections)
            {
                if (++_visits > VisitBudget)
                    return selection;
                var offending = selection switch
                {
                    GraphQLField field => check(field),
                    GraphQLInlineFragment inline => Each(inline.SelectionSet, check),
                    GraphQLFragmentSpread spread => Spread(spread, check),
                    _ => null,
                };
                if (offending is not null)
                    return offending;
            }
            return null;
        }

        /// <summary>Unknown fragments and cycles are reported by the standard rules; here they end the walk.</summary>
        private ASTNode? Spread(GraphQLFragmentSpread spread, Func<GraphQLField, ASTNode?> check)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (!fragments.TryGetValue(name, out var fragment) || !_fragmentsOnPath.Add(name))
                return null;
            try
            {
                return Each(fragment.SelectionSet, check);
            }
            finally
            {
                _fragmentsOnPath.Remove(name);
            }
        }
    }
}

public sealed class IntrospectionTooDeepError(ValidationContext context, string reason, ASTNode node)
    : ValidationError(context.Document.Source, null,
        $"This introspection query is refused: {reason}. Ask for one level of fields per type, as GraphiQL does.", node);

public sealed class FragmentExpansionLimitError(ValidationContext context, int budget, ASTNode node)
    : ValidationError(context.Document.Source, null,
        $"The operation's fragments expand to more than {budget} selections; spread each fragment where it is needed once.", node);
