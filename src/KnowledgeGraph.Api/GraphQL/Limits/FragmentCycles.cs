using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Limits;

/// <summary>
/// Finds a fragment that spreads itself, directly or through others, before validation runs. GraphQL.NET's validation
/// rules all visit the document in one pass, and the rule comparing overlapping fields follows spreads recursively, so
/// a cycle it meets before the cycle rule has spoken overflowed the stack and ended the process (found by fuzzing).
/// Fragments defined twice under one name count as one, with the spreads of both.
/// </summary>
public static class FragmentCycles
{
    /// <summary>A fragment definition on a cycle, or null when the spreads between fragments form none.</summary>
    public static GraphQLFragmentDefinition? FirstOnCycle(GraphQLDocument document)
    {
        var definitions = document.Definitions.OfType<GraphQLFragmentDefinition>().ToList();
        var spreads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var name = definition.FragmentName.Name.StringValue;
            if (!spreads.TryGetValue(name, out var targets))
                spreads[name] = targets = [];
            targets.UnionWith(SpreadNames(definition.SelectionSet));
        }
        var finished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (OnCycle(definition.FragmentName.Name.StringValue, spreads, finished))
                return definition;
        }
        return null;
    }

    /// <summary>Depth-first with an explicit stack, so a long chain of fragments cannot overflow this check either.</summary>
    private static bool OnCycle(string start, Dictionary<string, HashSet<string>> spreads, HashSet<string> finished)
    {
        if (finished.Contains(start))
            return false;
        var onPath = new HashSet<string>(StringComparer.Ordinal) { start };
        var stack = new Stack<(string Name, IEnumerator<string> Next)>();
        stack.Push((start, spreads[start].GetEnumerator()));
        while (stack.TryPeek(out var top))
        {
            if (!top.Next.MoveNext())
            {
                stack.Pop();
                onPath.Remove(top.Name);
                finished.Add(top.Name);
                continue;
            }
            var next = top.Next.Current;
            if (onPath.Contains(next))
                return true;
            if (finished.Contains(next) || !spreads.TryGetValue(next, out var targets))
                continue;
            onPath.Add(next);
            stack.Push((next, targets.GetEnumerator()));
        }
        return false;
    }

    private static IEnumerable<string> SpreadNames(GraphQLSelectionSet root) =>
        SelectionWalk.Under([root]).OfType<GraphQLFragmentSpread>().Select(spread => spread.FragmentName.Name.StringValue);
}
