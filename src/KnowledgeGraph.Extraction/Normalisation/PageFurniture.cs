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

    private readonly Regex[] _linkListOpeners = resources.Lines("normalisation/link-list-openers.txt")
        .Where(line => line.Trim().Length > 0)
        .Select(line => new Regex(line.Trim(), Options, TimeSpan.FromSeconds(1)))
        .ToArray();

    /// <summary>Longer lines are paragraphs, not the headline of a link.</summary>
    private const int MaxLinkLength = 60;

    /// <summary>
    /// Like <see cref="IsFurniture(string)"/>, reading the lines of one text in order: <paramref name="inLinkList"/> carries
    /// whether the lines before opened a list of links (相关阅读：) whose headlines go on; blank lines do not end it.
    /// </summary>
    public bool IsFurniture(string line, ref bool inLinkList)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return true;
        if (inLinkList && trimmed.Length <= MaxLinkLength && trimmed.AsSpan().IndexOfAny("。！？!?；") < 0) return true;
        inLinkList = _linkListOpeners.Any(opener => opener.IsMatch(trimmed));
        return inLinkList || IsFurniture(line);
    }

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
