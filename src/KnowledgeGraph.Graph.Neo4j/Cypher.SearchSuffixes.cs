namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Search suffixes are derived by the server from keys it already has, so an ingest batch does not carry them and
/// only entities that need them (new ones, or stored ones gaining a key) cost any work: the client used to derive and
/// send them for every entity of every batch (docs/benchmarks.md, Session 13).
/// </summary>
internal static partial class Cypher
{
    /// <summary>
    /// The texts stored as <c>SearchSuffix</c> nodes for the folded keys in <paramref name="keys"/> (a Cypher list), so
    /// that a search is a prefix seek in their index: a key matches a query (<see cref="NameSearch"/>) only if one of its
    /// suffixes starts with it. A key with a non-ASCII character gives every suffix, since a Chinese query may start
    /// anywhere in it; an ASCII key gives itself and its later word starts, since neither kind of query can match an
    /// ASCII key anywhere else. Each text once. The statement needs <see cref="SuffixRule"/>'s parameters.
    /// </summary>
    public static string SuffixesOf(string keys) => $$"""
        reduce(found = [], key IN [key IN {{keys}} WHERE size(key) > 0] | found + [suffix IN
            CASE WHEN key =~ $asciiKey
                THEN [key] + [at IN range(1, size(key) - 1)
                    WHERE substring(key, at - 1, 1) IN $wordSeparators AND NOT substring(key, at, 1) IN $wordSeparators | substring(key, at)]
                ELSE [at IN range(0, size(key) - 1) | substring(key, at)] END
            WHERE NOT suffix IN found])
        """;

    /// <summary>The parameters <see cref="SuffixesOf"/> reads: what an ASCII key looks like, and the characters words start after.</summary>
    public static IEnumerable<(string Name, object? Value)> SuffixRule { get; } =
    [
        ("asciiKey", "[\\x00-\\x7F]*"),
        ("wordSeparators", NameSearch.WordSeparators),
    ];
}
