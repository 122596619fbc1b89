namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>A character trie over lower-cased names, for longest-match scanning of running text.</summary>
public sealed class NameTrie<T>
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public List<(string Surface, T Value)>? Values;
    }

    private readonly Node _root = new();

    /// <summary>The lower-cased first characters of the names, one bit each: most characters of a text begin none.</summary>
    private readonly ulong[] _firstCharacters = new ulong[(char.MaxValue + 1) / 64];

    public void Add(string surface, T value)
    {
        if (surface.Length > 0)
        {
            var first = InvariantLowerCase.Of(surface[0]);
            _firstCharacters[first / 64] |= 1UL << (first % 64);
        }
        var node = _root;
        foreach (var c in surface)
        {
            node.Children ??= [];
            var key = InvariantLowerCase.Of(c);
            if (!node.Children.TryGetValue(key, out var next)) node.Children[key] = next = new Node();
            node = next;
        }
        node.Values ??= [];
        node.Values.Add((surface, value));
    }

    /// <summary>
    /// False when no name begins with <paramref name="c"/>: a bit test, so that a scan of every character of a text
    /// asks <see cref="MatchesAt"/> only where a name may begin.
    /// </summary>
    public bool MayBeginWith(char c)
    {
        var key = InvariantLowerCase.Of(c);
        return (_firstCharacters[key / 64] & (1UL << (key % 64))) != 0;
    }

    /// <summary>Every name that starts at <paramref name="start"/>, longest first.</summary>
    /// <remarks>Asked at every character of a text, and most characters begin no name: those cost a bit test and nothing else.</remarks>
    public IEnumerable<(int Length, string Surface, T Value)> MatchesAt(string text, int start, int end)
    {
        if (start >= end || !MayBeginWith(text[start]) || _root.Children is null || !_root.Children.TryGetValue(InvariantLowerCase.Of(text[start]), out var node)) return [];
        // Made only when a name ends here: a prefix that ends none (a common first character) costs no list.
        List<(int, string, T)>? found = null;
        for (var i = start; ; )
        {
            if (node.Values is not null)
            {
                found ??= [];
                foreach (var (surface, value) in node.Values) found.Add((i + 1 - start, surface, value));
            }
            if (++i >= end || node.Children is null || !node.Children.TryGetValue(InvariantLowerCase.Of(text[i]), out node)) break;
        }
        if (found is null) return [];
        found.Reverse();
        return found;
    }
}

/// <summary>
/// char.ToLowerInvariant, remembered per character: outside ASCII every call goes to ICU, and a trie asks for every
/// character of every sentence.
/// </summary>
file static class InvariantLowerCase
{
    /// <summary>Filled as characters are met; '\0' is not known yet (no character above ASCII lowers to it).</summary>
    private static readonly char[] Lowered = new char[char.MaxValue + 1];

    public static char Of(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        var lower = Lowered[c];
        if (lower == '\0') Lowered[c] = lower = char.ToLowerInvariant(c);
        return lower;
    }
}
