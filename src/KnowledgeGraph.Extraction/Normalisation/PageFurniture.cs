using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>Recognises lines that belong to the page rather than the article (links, buttons, bylines, counters).</summary>
public sealed class PageFurniture(LanguageResources resources)
{
    private readonly Regex[] _patterns = resources.Lines("normalisation/page-furniture.txt")
        .Select(line => new Regex(line.Trim(), RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        .ToArray();

    public bool IsFurniture(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return true;
        if (trimmed.Length > 200) return false;
        return _patterns.Any(p => p.IsMatch(trimmed));
    }
}
