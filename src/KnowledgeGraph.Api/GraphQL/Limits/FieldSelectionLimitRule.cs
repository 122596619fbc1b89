using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Refuses documents with more field selections than allowed, counting every alias on its own: a thousand aliases
/// of a cheap field are a thousand resolver calls, which depth and complexity limits alone let through.
/// </summary>
public sealed class FieldSelectionLimitRule(int maxSelections) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        var reported = false;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            count++;
            if (count > maxSelections && !reported)
            {
                reported = true;
                validation.ReportError(new FieldSelectionLimitError(validation, maxSelections, field));
            }
        }));
    }
}

public sealed class FieldSelectionLimitError(ValidationContext context, int maxSelections, ASTNode node)
    : ValidationError(context.Document.Source, null,
        $"The document selects more than {maxSelections} fields (aliases count separately); split it into smaller requests.", node);
