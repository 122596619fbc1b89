using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using KnowledgeGraph.Api.Configuration;
using KnowledgeGraph.Api.GraphQL.Limits;

namespace KnowledgeGraph.Api.GraphQL.Documents;

/// <summary>
/// The validation rules, built once for the process rather than chained onto every request's options. A document
/// that validated before is checked again only by the rules whose verdict can change with the variables.
/// </summary>
public sealed class ValidationRuleSets
{
    public ValidationRuleSets(QueryLimits limits)
    {
        // Page sizes ('first') are multipliers of the complexity and may come from variables.
        var complexity = new QueryComplexityRule(new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity });
        ForNewDocuments = [.. DocumentValidator.CoreRules, complexity, new IntrospectionLoopRule()];
        ForValidatedDocuments = [complexity];
    }

    public IReadOnlyList<IValidationRule> ForNewDocuments { get; }

    public IReadOnlyList<IValidationRule> ForValidatedDocuments { get; }
}
