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

    public void Add(string surface, T value)
    {
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

    /// <summary>Every name that starts at <paramref name="start"/>, longest first.</summary>
    /// <remarks>Asked at every character of a text, and most characters begin no name: those cost one lookup and nothing else.</remarks>
    public IEnumerable<(int Length, string Surface, T Value)> MatchesAt(string text, int start, int end)
    {
        if (start >= end || _root.Children is null || !_root.Children.TryGetValue(InvariantLowerCase.Of(text[start]), out var node)) return [];
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
