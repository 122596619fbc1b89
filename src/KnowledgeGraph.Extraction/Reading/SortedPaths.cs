namespace KnowledgeGraph.Extraction.Reading;

/// <summary>
/// The files under one folder in ordinal order, held compactly: each path without the folder's prefix, all of them in
/// one character buffer. A bulk ingest holds the sorted list for its whole run, so it is the one structure that grows with
/// the corpus itself; as separate full-path strings in a sorted sequence it took about 13 MB at 100,000 files, held like
/// this about 4 MB (listing, reading and skipping 100,000 files: peak 172 -> 157 MB, gen 2 30 -> 15 MB; docs/benchmarks.md,
/// session 11). The strings are made again one at a time as they are handed out.
/// </summary>
internal sealed class SortedPaths
{
    private readonly string _prefix;
    private char[] _characters = new char[4096];
    private int _length;
    private int[] _starts = new int[256];
    private int _count;

    private SortedPaths(string prefix) => _prefix = prefix;

    /// <summary>
    /// The paths in ordinal order. Each must start with <paramref name="prefix"/>, as the operating system's listing of
    /// that folder does; ordering what follows the shared prefix orders the whole paths.
    /// </summary>
    public static IEnumerable<string> Order(string prefix, IEnumerable<string> paths)
    {
        var sorted = new SortedPaths(prefix);
        foreach (var path in paths) sorted.Add(path);
        return sorted.InOrder();
    }

    private void Add(string path)
    {
        if (!path.StartsWith(_prefix, StringComparison.Ordinal))
            throw new ArgumentException($"{path} is not under {_prefix}", nameof(path));
        var tail = path.AsSpan(_prefix.Length);
        if (_length + tail.Length > _characters.Length)
            Array.Resize(ref _characters, Math.Max(_characters.Length * 2, _length + tail.Length));
        // One more start than paths: the end of the last path is the start of the next one.
        if (_count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        tail.CopyTo(_characters.AsSpan(_length));
        _starts[_count] = _length;
        _length += tail.Length;
        _starts[++_count] = _length;
    }

    private ReadOnlySpan<char> Tail(int index) => _characters.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private IEnumerable<string> InOrder()
    {
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[i] = i;
        // Span comparison of chars is ordinal, as StringComparer.Ordinal is over the same strings.
        Array.Sort(order, (a, b) => Tail(a).SequenceCompareTo(Tail(b)));
        foreach (var index in order) yield return string.Concat(_prefix, Tail(index));
    }
}
