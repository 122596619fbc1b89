using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Recognition;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Versions and variants named after a known product (Gemma 2, Kimi探索版, Doubao Vision): a product the lexicon does not
/// know whose name begins with a known product's name comes from that product's maker.
/// </summary>
public sealed class ProductFamilies
{
    /// <summary>The shortest family name that may begin a variant's name: shorter Latin names are often words or letters.</summary>
    private const int MinLatinFamilyName = 3;

    private const int MinChineseFamilyName = 2;

    private readonly Dictionary<string, string> _makerByFamilyName = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _longestFamilyName;

    public ProductFamilies(Lexicon lexicon)
    {
        foreach (var entry in lexicon.Entries.Where(e => e.Type == "Product" && e.Owner is not null))
        foreach (var name in entry.AllNames.Where(n => n.Length >= (IsLatin(n[^1]) ? MinLatinFamilyName : MinChineseFamilyName)))
            _makerByFamilyName.TryAdd(name, entry.Owner!);
        _longestFamilyName = _makerByFamilyName.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The lexicon maker of the longest known product name the given name is a variant of, if any.</summary>
    public string? MakerOfVariant(string productName)
    {
        for (var length = Math.Min(productName.Length - 1, _longestFamilyName); length > 0; length--)
        {
            if (!_makerByFamilyName.TryGetValue(productName[..length], out var maker)) continue;
            if (GoesOn(productName, length)) return maker;
        }
        return null;
    }

    /// <summary>After a Latin family name a space, a hyphen, a digit or a Chinese character follows (Gemma 2, Llama3-V), not more letters (Gemmatic).</summary>
    public static bool GoesOn(string name, int familyLength)
    {
        if (!IsLatin(name[familyLength - 1])) return true;
        var next = name[familyLength];
        return next is ' ' or '-' or '_' || char.IsDigit(next) || !IsLatin(next) && char.IsLetter(next);
    }

    private static bool IsLatin(char c) => c < 0x3000;
}
