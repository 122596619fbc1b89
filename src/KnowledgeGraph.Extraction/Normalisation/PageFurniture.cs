using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>Recognises lines that belong to the page rather than the article (links, buttons, bylines, counters).</summary>
public sealed class PageFurniture(LanguageResources resources)
{
    // Interpreted: a compiled regex pays its code generation inside the first match's timeout, and these few anchored
    // lines gain nothing from it.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

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
        inLinkList = _linkListOpeners.Any(opener => Matches(opener, trimmed));
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
            if (prefilter.MayMatch(trimmed, sketch) && Matches(pattern, trimmed)) return true;
        }
        return false;
    }

    /// <summary>
    /// The timeout guards against a catastrophic pattern a linguist might add, but it is wall-clock time: on a machine
    /// loaded far past its cores a thread can be paused longer than that mid-match. A line not recognised as furniture
    /// stays in the article, the side on which nothing is lost, instead of failing the whole article.
    /// </summary>
    private static bool Matches(Regex pattern, string line)
    {
        try
        {
            return pattern.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
