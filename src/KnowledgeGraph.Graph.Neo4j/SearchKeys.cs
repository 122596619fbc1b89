namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Search keys are folded once in .NET (<see cref="NameSearch.Fold"/>), so Neo4j only compares strings and every version ranks alike.</summary>
internal static class SearchKeys
{
    public static List<string> Of(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => NameSearch.Fold(n!)).Distinct(StringComparer.Ordinal).ToList();
}
