using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// Short names the article introduces (以下简称“智源”) and the mentions that use them.
public sealed partial class EntityResolver
{
    private readonly IReadOnlyList<string> _abbreviationMarkers = resources.Lines("resolution/abbreviation-markers.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private const int MaxAbbreviationLength = 12;

    /// <summary>
    /// Short names the article introduces for the thing named right before (Physical Intelligence（简称PI）,
    /// 北京智源人工智能研究院（以下简称“智源”）): the short name, and the mention it stands for.
    /// </summary>
    private Dictionary<string, Mention> IntroducedAbbreviations(Document document)
    {
        var abbreviations = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var text = document.Text;
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.Type != "Person"))
        {
            var at = mention.Range.End;
            if (at < text.Length && text[at] is '（' or '(' or '，' or ',') at++;
            var marker = _abbreviationMarkers.FirstOrDefault(m => string.CompareOrdinal(text, at, m, 0, m.Length) == 0);
            if (marker is null) continue;
            var start = at + marker.Length;
            while (start < text.Length && text[start] is '：' or ':' or '“' or '"' or '「' or '‘' or ' ') start++;
            var end = start;
            while (end < text.Length && end - start <= MaxAbbreviationLength && !EndsAbbreviation(text[end])) end++;
            if (end - start < 2 || end - start > MaxAbbreviationLength) continue;
            var abbreviation = text[start..end];
            if (abbreviation != mention.Text) abbreviations.TryAdd(abbreviation, mention);
        }
        return abbreviations;
    }

    private static bool EndsAbbreviation(char c) => c is '）' or ')' or '”' or '"' or '」' or '’' or '，' or ',' or '。' or '、' or '；' or '\n';

    /// <summary>Every mention of an introduced short name (PI) is the thing it was introduced for.</summary>
    private void JoinAbbreviationsToFullNames(Document document, Dictionary<Mention, string> keys, Dictionary<string, Mention> abbreviations)
    {
        if (abbreviations.Count == 0) return;
        foreach (var mention in document.Mentions.Where(m => !m.IsAnaphor && m.LexiconId is null))
        {
            if (!abbreviations.TryGetValue(mention.Text, out var full) || full == mention) continue;
            keys[mention] = keys.GetValueOrDefault(full) ?? KeyOf(full);
            mention.Type = full.Type;
        }
    }
}
