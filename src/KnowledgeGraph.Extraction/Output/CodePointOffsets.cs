namespace KnowledgeGraph.Extraction.Output;

/// <summary>Converts UTF-16 indices to code point indices; free when the text has no surrogate pairs.</summary>
public sealed class CodePointOffsets
{
    private readonly int[]? _surrogatesBefore;

    public CodePointOffsets(string text)
    {
        if (!text.Any(char.IsLowSurrogate)) return;
        _surrogatesBefore = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
            _surrogatesBefore[i + 1] = _surrogatesBefore[i] + (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]) ? 1 : 0);
    }

    /// <summary>Code points in <c>text[from..to]</c>, where neither end splits a surrogate pair.</summary>
    public static int Count(string text, int from, int to)
    {
        var count = to - from;
        for (var i = from + 1; i < to; i++)
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])) count--;
        return count;
    }

    public int Of(int utf16Index) => _surrogatesBefore is null ? utf16Index : utf16Index - _surrogatesBefore[utf16Index];
}
