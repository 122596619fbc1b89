using System.Text;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// The SQLite side of <see cref="NameSearch"/>: every non-ASCII character and every bigram containing one is indexed,
/// so Chinese substrings of any length, including the two characters of 微软, are found through the gram index and
/// then confirmed against the whole term; prefixes (of terms and of their later words) are range scans.
/// </summary>
internal static class SearchText
{
    /// <summary>Upper bound for a prefix range scan: every term starting with the prefix sorts below it.</summary>
    public static string PrefixEnd(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);

    public static IEnumerable<string> Grams(string term)
    {
        var runes = term.EnumerateRunes().ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < runes.Length; i++)
        {
            if (runes[i].Value > 0x7F && seen.Add(runes[i].ToString())) yield return runes[i].ToString();
            if (i + 1 < runes.Length && (runes[i].Value > 0x7F || runes[i + 1].Value > 0x7F))
            {
                var bigram = new StringBuilder().Append(runes[i]).Append(runes[i + 1]).ToString();
                if (seen.Add(bigram)) yield return bigram;
            }
        }
    }

    /// <summary>
    /// The grams a substring query may be looked up by: its bigrams with a non-ASCII character, or that single
    /// character when it has no such bigram. The store picks the rarest of them.
    /// </summary>
    public static IReadOnlyList<string> LookupGrams(string normalisedQuery)
    {
        var grams = Grams(normalisedQuery).ToList();
        var bigrams = grams.Where(g => g.EnumerateRunes().Count() == 2).ToList();
        return bigrams.Count > 0 ? bigrams : grams;
    }
}
