using System.Text;

namespace KnowledgeGraph.Graph;

/// <summary>
/// How every store matches a search text against names and aliases, so that they find the same entities in the same
/// rank order: 0 an exact name, 1 an exact alias, 2 a name or alias that starts with the text, 3 the rest — for text
/// with any non-ASCII character (Chinese) a name or alias that contains it anywhere, otherwise one in which a later
/// word starts with it ("research" finds "Microsoft Research Asia", not "OpenResearch"). Text and names are compared
/// folded: compatibility-normalised (full-width letters become ASCII), trimmed, lower-cased.
/// </summary>
public static class NameSearch
{
    /// <summary>The characters after which a new word starts; NFKC has already turned full-width forms into these.</summary>
    public static IReadOnlyList<string> WordSeparators { get; } =
        [" ", "\t", "-", "_", ".", ",", "/", "\\", "·", "・", "•", "&", "+", ":", ";", "(", ")", "[", "]", "'", "\"", "!", "?", "|"];

    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();

    /// <summary>Whether a folded query is matched as a substring (it has a non-ASCII character) rather than by word starts.</summary>
    public static bool IsSubstringQuery(string foldedQuery) => foldedQuery.Any(c => c > 0x7F);

    /// <summary>A folded term from each later word start on: "microsoft research asia" gives "research asia" and "asia".</summary>
    public static IEnumerable<string> LaterWordStarts(string foldedTerm)
    {
        for (var i = 1; i < foldedTerm.Length; i++)
        {
            if (IsSeparator(foldedTerm[i - 1]) && !IsSeparator(foldedTerm[i])) yield return foldedTerm[i..];
        }
    }

    /// <summary>What a term must contain for a folded query to start one of its later words; none for a query that starts with a separator.</summary>
    public static IReadOnlyList<string> WordStartPatterns(string foldedQuery) =>
        foldedQuery.Length == 0 || IsSeparator(foldedQuery[0]) ? [] : [.. WordSeparators.Select(s => s + foldedQuery)];

    private static bool IsSeparator(char c) => WordSeparators.Any(s => s[0] == c);
}
