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

    /// <summary>
    /// What a text must hold where a name begins, one bit each, so that a scan of every character asks the trie only where
    /// a name may begin: the names of one character, by that character, and the first two characters of the longer ones,
    /// hashed (a bit set by another pair only lets a position through to the trie). Most characters begin some name, a
    /// common surname or word, but few pairs do.
    /// </summary>
    private readonly ulong[] _singleCharacters = new ulong[(char.MaxValue + 1) / 64];

    private readonly ulong[] _openingPairs = new ulong[PairBits / 64];

    private const int PairBits = 1 << 16;

    public void Add(string surface, T value)
    {
        if (surface.Length == 1) Set(_singleCharacters, InvariantLowerCase.Of(surface[0]));
        else if (surface.Length > 1) Set(_openingPairs, PairBit(InvariantLowerCase.Of(surface[0]), InvariantLowerCase.Of(surface[1])));
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

    /// <summary>False when no name can begin at <paramref name="start"/> of the text, which ends at <paramref name="end"/>.</summary>
    public bool MayBeginAt(string text, int start, int end)
    {
        var first = InvariantLowerCase.Of(text[start]);
        return IsSet(_singleCharacters, first)
               || start + 1 < end && IsSet(_openingPairs, PairBit(first, InvariantLowerCase.Of(text[start + 1])));
    }

    private static int PairBit(char first, char second) => (int)(((uint)first << 16 | second) * 2654435761u >> 16);

    private static void Set(ulong[] bits, int bit) => bits[bit / 64] |= 1UL << (bit % 64);

    private static bool IsSet(ulong[] bits, int bit) => (bits[bit / 64] & (1UL << (bit % 64))) != 0;

    /// <summary>Every name that starts at <paramref name="start"/>, longest first.</summary>
    /// <remarks>A scan of every character asks <see cref="MayBeginAt"/> first: most positions begin no name.</remarks>
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
