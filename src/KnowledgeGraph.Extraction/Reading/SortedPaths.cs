using System.Text;

namespace KnowledgeGraph.Extraction.Reading;

/// <summary>
/// The files under one folder in ordinal order, held compactly: each path without the folder's prefix, all of them in
/// one buffer. A bulk ingest holds the sorted list for its whole run, so it is the one structure that grows with
/// the corpus itself; as separate full-path strings in a sorted sequence it took about 13 MB at 100,000 files, held like
/// this about 4 MB (listing, reading and skipping 100,000 files: peak 172 -> 157 MB, gen 2 30 -> 15 MB; docs/benchmarks.md,
/// session 11). The buffer takes one byte per character while every character of the listing fits in one (names
/// such as bench-000001.txt, the usual case), which halves it again; the first character that does not widens it to
/// two bytes each (a folder of Chinese names costs what it did before). The strings are made again one at a time as
/// they are handed out.
/// </summary>
internal sealed class SortedPaths
{
    private readonly string _prefix;
    private byte[] _narrow = new byte[4096];
    private char[]? _wide;
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
        if (_wide is null && tail.ContainsAnyExceptInRange('\0', '\u00FF')) Widen();
        var needed = _length + tail.Length;
        if (_wide is not null)
        {
            if (needed > _wide.Length) Array.Resize(ref _wide, Math.Max(_wide.Length * 2, needed));
            tail.CopyTo(_wide.AsSpan(_length));
        }
        else
        {
            if (needed > _narrow.Length) Array.Resize(ref _narrow, Math.Max(_narrow.Length * 2, needed));
            // Every character is below 256 (checked above), so Latin-1 keeps each as the byte of the same value.
            Encoding.Latin1.GetBytes(tail, _narrow.AsSpan(_length));
        }
        // One more start than paths: the end of the last path is the start of the next one.
        if (_count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        _starts[_count] = _length;
        _length = needed;
        _starts[++_count] = _length;
    }

    private void Widen()
    {
        _wide = new char[Math.Max(_narrow.Length, 4096)];
        Encoding.Latin1.GetChars(_narrow.AsSpan(0, _length), _wide);
        _narrow = [];
    }

    private Range TailRange(int index) => _starts[index].._starts[index + 1];

    /// <summary>
    /// Ordinal order of the tails: chars compare as UTF-16 code units, and bytes that are Latin-1 characters compare as
    /// the same values, so both forms order exactly as <see cref="StringComparer.Ordinal"/> over the full paths.
    /// </summary>
    private int Compare(int a, int b) => _wide is not null
        ? _wide.AsSpan(TailRange(a)).SequenceCompareTo(_wide.AsSpan(TailRange(b)))
        : _narrow.AsSpan(TailRange(a)).SequenceCompareTo(_narrow.AsSpan(TailRange(b)));

    private string PathAt(int index)
    {
        var (start, length) = TailRange(index).GetOffsetAndLength(_length);
        return string.Create(_prefix.Length + length, (Paths: this, start, length), static (path, at) =>
        {
            at.Paths._prefix.CopyTo(path);
            var tail = path[at.Paths._prefix.Length..];
            if (at.Paths._wide is { } wide) wide.AsSpan(at.start, at.length).CopyTo(tail);
            else Encoding.Latin1.GetChars(at.Paths._narrow.AsSpan(at.start, at.length), tail);
        });
    }

    private IEnumerable<string> InOrder()
    {
        var order = new int[_count];
        for (var i = 0; i < _count; i++) order[i] = i;
        Array.Sort(order, Compare);
        foreach (var index in order) yield return PathAt(index);
    }
}
