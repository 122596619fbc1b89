namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// Which characters a text holds, folded into 4,096 bits: filled once per sentence, it rules most candidate words
/// out with a few bit tests, where searching the sentence for each word of a long list (every title) would cost a scan
/// per word. A word it does not rule out may still be absent (characters share bits), so a search confirms it.
/// </summary>
public sealed class CharacterSketch
{
    private readonly ulong[] _bits = new ulong[64];

    public static CharacterSketch Of(ReadOnlySpan<char> text)
    {
        var sketch = new CharacterSketch();
        sketch.Fill(text);
        return sketch;
    }

    /// <summary>Forgets the last text and takes this one, so that one sketch serves every sentence of an article.</summary>
    public void Fill(ReadOnlySpan<char> text)
    {
        Array.Clear(_bits);
        foreach (var c in text) _bits[(c >> 6) & 63] |= 1UL << (c & 63);
    }

    /// <summary>False when some character of the word is surely not in the text.</summary>
    public bool MayContain(string word)
    {
        foreach (var c in word)
        {
            if ((_bits[(c >> 6) & 63] & (1UL << (c & 63))) == 0) return false;
        }
        return true;
    }
}
