using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>Recognises lines that belong to the page rather than the article (links, buttons, bylines, counters).</summary>
public sealed class PageFurniture(LanguageResources resources)
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private readonly (Regex Pattern, LiteralPrefilter Prefilter)[] _patterns = resources.Lines("normalisation/page-furniture.txt")
        .Select(line => (new Regex(line.Trim(), Options, TimeSpan.FromSeconds(1)), LiteralPrefilter.Of(line.Trim(), Options)))
        .ToArray();

    public bool IsFurniture(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return true;
        if (trimmed.Length > 200) return false;
        var sketch = CharacterSketch.Of(trimmed);
        foreach (var (pattern, prefilter) in _patterns)
        {
            if (prefilter.MayMatch(trimmed, sketch) && pattern.IsMatch(trimmed)) return true;
        }
        return false;
    }
}
