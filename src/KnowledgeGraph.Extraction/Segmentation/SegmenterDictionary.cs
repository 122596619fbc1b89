using System.Text;

namespace KnowledgeGraph.Extraction.Segmentation;

/// <summary>
/// jieba's dictionary (word, frequency, part-of-speech tag) as a character trie, so that the word graph of a
/// sentence is found by walking nodes instead of hashing a new substring for every prefix, as jieba.NET does.
/// Frequencies and their total follow jieba.NET's rules exactly (the last line of a word wins, every line counts
/// towards the total, a user word replaces the frequency it had), so cuts come out the same.
/// </summary>
public sealed class SegmenterDictionary
{
    public const int Root = 0;
    private const int Absent = -1;

    /// <summary>Children of the root by character: most lookups are the first character of a word.</summary>
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];

    private readonly Dictionary<long, int> _children = new(700_000);
    private readonly Dictionary<string, string> _internedTags = new(StringComparer.Ordinal);
    private int[] _frequencies = new int[700_000];
    private string?[] _tags = new string?[700_000];

    /// <summary>
    /// Each word's text as one string, made the first time a cut yields it and then shared by all articles, so that
    /// tokens of known words cost no string and no hashing of their own. A race makes two equal strings, which is harmless.
    /// </summary>
    private string?[] _texts = new string?[700_000];
    private int _nodeCount = 1;

    /// <summary>The sum of all frequencies, as jieba.NET keeps it (a double).</summary>
    public double Total { get; private set; }

    /// <summary>
    /// Reads jieba's <c>dict.txt</c> (word, frequency, tag per line) as bytes, decoding one line at a time into a
    /// reused buffer: the file as one string would be a 10 MB copy built and thrown away at every start.
    /// </summary>
    public static SegmenterDictionary Load(string path)
    {
        var dictionary = new SegmenterDictionary();
        var bytes = File.ReadAllBytes(path).AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        var buffer = new char[256];
        while (bytes.Length > 0)
        {
            var lineEnd = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            var line = lineEnd < 0 ? bytes : bytes[..lineEnd];
            bytes = lineEnd < 0 ? [] : bytes[(lineEnd + 1)..];
            if (line.IsEmpty) continue;
            if (Encoding.UTF8.GetMaxCharCount(line.Length) > buffer.Length) buffer = new char[Encoding.UTF8.GetMaxCharCount(line.Length)];
            var length = Encoding.UTF8.GetChars(line, buffer);
            dictionary.AddLine(buffer.AsSpan(0, length));
        }
        return dictionary;
    }

    private void AddLine(ReadOnlySpan<char> line)
    {
        var firstSpace = line.IndexOf(' ');
        if (firstSpace < 0) return;
        var afterWord = line[(firstSpace + 1)..];
        var secondSpace = afterWord.IndexOf(' ');
        var frequency = int.Parse(secondSpace < 0 ? afterWord : afterWord[..secondSpace], System.Globalization.CultureInfo.InvariantCulture);
        Total += frequency;
        if (firstSpace == 0) return;
        var node = AddPath(line[..firstSpace]);
        _frequencies[node] = frequency;
        var lastSpace = line.LastIndexOf(' ');
        if (lastSpace <= firstSpace) return;
        var tag = line[(lastSpace + 1)..];
        var tags = _internedTags.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!tags.TryGetValue(tag, out var interned)) tags[tag] = interned = tag.ToString();
        _tags[node] = interned;
    }

    /// <summary>
    /// Adds a word with its frequency, or gives a known word that frequency; the tag is kept only where the
    /// dictionary had none.
    /// </summary>
    public void AddWord(string word, int frequency, string tag)
    {
        var node = AddPath(word);
        if (_frequencies[node] > 0) Total -= _frequencies[node];
        _frequencies[node] = frequency;
        Total += frequency;
        _tags[node] ??= Intern(tag);
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
    public int Step(int node, char c)
    {
        if (node == Root) return _rootChildren[c] == 0 ? Absent : _rootChildren[c];
        return _children.TryGetValue(Key(node, c), out var child) ? child : Absent;
    }

    /// <summary>The frequency of the word that ends at the node; 0 when the node is only a prefix.</summary>
    public int Frequency(int node) => _frequencies[node];

    public string? Tag(int node) => _tags[node];

    /// <summary>The text of the word or prefix that ends at <paramref name="node"/>, which is <paramref name="word"/>.</summary>
    public string TextOf(int node, ReadOnlySpan<char> word) => _texts[node] ??= word.ToString();

    /// <summary>The node of a whole word or prefix, or -1.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        var node = Root;
        foreach (var c in word)
        {
            node = Step(node, c);
            if (node == Absent) return Absent;
        }
        return node;
    }

    public bool ContainsWord(ReadOnlySpan<char> word) => Find(word) is var node and >= 0 && _frequencies[node] > 0;

    public string? TagOf(ReadOnlySpan<char> word) => Find(word) is var node and >= 0 ? _tags[node] : null;

    private int AddPath(ReadOnlySpan<char> word)
    {
        var node = Root;
        foreach (var c in word)
        {
            var next = Step(node, c);
            if (next == Absent)
            {
                next = NewNode();
                if (node == Root) _rootChildren[c] = next;
                else _children[Key(node, c)] = next;
            }
            node = next;
        }
        return node;
    }

    private int NewNode()
    {
        if (_nodeCount == _frequencies.Length)
        {
            Array.Resize(ref _frequencies, _nodeCount * 2);
            Array.Resize(ref _tags, _nodeCount * 2);
            Array.Resize(ref _texts, _nodeCount * 2);
        }
        return _nodeCount++;
    }

    private string Intern(string tag)
    {
        if (_internedTags.TryGetValue(tag, out var interned)) return interned;
        _internedTags[tag] = tag;
        return tag;
    }

    private static long Key(int node, char c) => (long)node << 16 | c;
}
