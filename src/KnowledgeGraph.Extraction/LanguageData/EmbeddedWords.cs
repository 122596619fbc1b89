using System.Collections.Concurrent;

namespace KnowledgeGraph.Extraction.LanguageData;

/// <summary>
/// The small word and character sets that recognisers and resolvers keep in static fields of their hot paths (list
/// joiners, particles, counters), read from the embedded data files once per process, when the class holding one is
/// first used, into the same arrays, sets and strings the code held before.
/// </summary>
/// <remarks>
/// A plain <c>.txt</c> file is one set: one entry a line. A <c>.tsv</c> file holds several sets of one idea: each line is
/// an entry, a tab and the names of the sets it belongs to, separated by commas; a set keeps its entries in the file's
/// order. A character set is the concatenation of its entries (a run of characters or one character a line).
/// These files are always read from the embedded copy: an override directory of <see cref="LanguageResources"/> does
/// not change them.
/// </remarks>
internal static class EmbeddedWords
{
    private static readonly LanguageResources Embedded = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Entry, string[] Sets)>> Tables = new(StringComparer.Ordinal);

    /// <summary>The entries of a one-set <c>.txt</c> file, trimmed, in the file's order.</summary>
    public static string[] List(string path) => Embedded.Lines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    /// <summary>The entries of the set <paramref name="set"/> of a <c>.tsv</c> file, in the file's order.</summary>
    public static string[] List(string path, string set)
    {
        var entries = Table(path).Where(row => row.Sets.Contains(set, StringComparer.Ordinal)).Select(row => row.Entry).ToArray();
        if (entries.Length == 0) throw new InvalidDataException($"{path}: no entry belongs to the set '{set}'");
        return entries;
    }

    public static HashSet<string> Set(string path) => List(path).ToHashSet(StringComparer.Ordinal);

    public static HashSet<string> Set(string path, string set) => List(path, set).ToHashSet(StringComparer.Ordinal);

    /// <summary>The tab-separated rows of a file whose lines are more than entries (an expression and what it gives).</summary>
    public static IReadOnlyList<string[]> Rows(string path) => Embedded.Rows(path, 1);

    /// <summary>The characters of the set <paramref name="set"/> of a <c>.tsv</c> file, as one string.</summary>
    public static string Characters(string path, string set) => string.Concat(List(path, set));

    private static IReadOnlyList<(string Entry, string[] Sets)> Table(string path) =>
        Tables.GetOrAdd(path, p => Embedded.Rows(p, 2)
            .Select(r => (Entry: r[0].Trim(), Sets: r[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList());
}
