namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Case-folding done once in .NET, so Neo4j only compares strings and every version ranks alike.</summary>
internal static class SearchKeys
{
    public static string Fold(string text) => text.Trim().ToLowerInvariant();

    public static List<string> Of(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Fold(n!)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Chinese (any non-ASCII) text matches as a substring; other text as a prefix of a name or of one of its words.</summary>
    public static bool MatchesAnywhere(string foldedQuery) => foldedQuery.Any(c => c > 0x7F);
}
