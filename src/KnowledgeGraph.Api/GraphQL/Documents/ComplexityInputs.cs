using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL.Limits;

namespace KnowledgeGraph.Api.GraphQL.Documents;

/// <summary>
/// Whether the variables of a request can change the depth and complexity verdict on a document. The complexity rule
/// (<see cref="QueryComplexityRule"/> with GraphQL.NET's default field impact: no field of this schema sets one of its
/// own, a test checks that; introspection's two that do count the schema) reads request values only through the page
/// sizes <c>first</c> and <c>last</c>, through whether an <c>id</c> argument is there at all, and through
/// <c>@skip</c>/<c>@include</c>. A document that uses variables nowhere in those places has one verdict whatever the
/// variables are: the one it got when it first validated.
/// </summary>
public static class ComplexityInputs
{
    public static bool DependOnVariables(GraphQLDocument document)
    {
        var optional = OptionalVariables(document);
        var roots = new List<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    if (DirectivesUseVariables(operation.Directives))
                        return true;
                    roots.Add(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    if (DirectivesUseVariables(fragment.Directives))
                        return true;
                    roots.Add(fragment.SelectionSet);
                    break;
            }
        }
        foreach (var selection in SelectionWalk.Under(roots))
        {
            if (selection is IHasDirectivesNode { Directives: var directives } && DirectivesUseVariables(directives))
                return true;
            if (selection is GraphQLField { Arguments.Items: { } arguments } && arguments.Exists(a => SwaysComplexity(a, optional)))
                return true;
        }
        return false;
    }

    /// <summary>A page size from a variable changes the multiplier; an id from a variable that may be left out changes whether there is an id.</summary>
    private static bool SwaysComplexity(GraphQLArgument argument, HashSet<string> optionalVariables)
    {
        var name = argument.Name.StringValue;
        if (name is "first" or "last")
            return UsesVariable(argument.Value, _ => true);
        return name == "id" && UsesVariable(argument.Value, optionalVariables.Contains);
    }

    private static bool DirectivesUseVariables(GraphQLDirectives? directives) =>
        directives?.Items.Exists(d => d.Arguments?.Items.Exists(a => UsesVariable(a.Value, _ => true)) == true) == true;

    private static bool UsesVariable(GraphQLValue value, Func<string, bool> counts) => value switch
    {
        GraphQLVariable variable => counts(variable.Name.StringValue),
        GraphQLListValue list => list.Values?.Exists(item => UsesVariable(item, counts)) == true,
        GraphQLObjectValue obj => obj.Fields?.Exists(field => UsesVariable(field.Value, counts)) == true,
        _ => false,
    };

    /// <summary>Variables a request may leave out or set to null: those whose declared type is not non-null.</summary>
    private static HashSet<string> OptionalVariables(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(operation => operation.Variables?.Items ?? [])
            .Where(definition => definition.Type is not GraphQLNonNullType)
            .Select(definition => definition.Variable.Name.StringValue)
            .ToHashSet(StringComparer.Ordinal);
}
