namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Search keys are folded once in .NET (<see cref="NameSearch.Fold"/>), so Neo4j only compares strings and every version ranks alike.</summary>
internal static class SearchKeys
{
    public static List<string> Of(IEnumerable<string?> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => NameSearch.Fold(n!)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The texts stored as <c>SearchSuffix</c> nodes of an entity with these folded keys, so that a search is a prefix
    /// seek in their index: a key matches a query (<see cref="NameSearch"/>) only if one of its suffixes starts with it.
    /// A key with a non-ASCII character gives every suffix, since a Chinese query may start anywhere in it; an ASCII key
    /// gives itself and its later word starts, since neither kind of query can match an ASCII key anywhere else.
    /// </summary>
    public static List<string> Suffixes(IEnumerable<string?> keys) =>
        keys.Where(k => !string.IsNullOrEmpty(k))
            .SelectMany(k => NameSearch.IsSubstringQuery(k!)
                ? Enumerable.Range(0, k!.Length).Select(i => k[i..])
                : NameSearch.LaterWordStarts(k!).Prepend(k!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
