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
            var key = char.ToLowerInvariant(c);
            if (!node.Children.TryGetValue(key, out var next)) node.Children[key] = next = new Node();
            node = next;
        }
        node.Values ??= [];
        node.Values.Add((surface, value));
    }

    /// <summary>Every name that starts at <paramref name="start"/>, longest first.</summary>
    public IEnumerable<(int Length, string Surface, T Value)> MatchesAt(string text, int start, int end)
    {
        var found = new List<(int, string, T)>();
        var node = _root;
        for (var i = start; i < end; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(char.ToLowerInvariant(text[i]), out node)) break;
            if (node.Values is not null)
                found.AddRange(node.Values.Select(v => (i + 1 - start, v.Surface, v.Value)));
        }
        found.Reverse();
        return found;
    }
}
