using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// A company or product renamed in the article (集度正式更名为极越, H的前身叫Holistic AI, 图达通（Seyond，原名Innovusion）)
/// is one thing under both names: news keeps calling it by either. The two names must stand next to each other with
/// only a link word of resolution/rename-links.txt between them and, before it, a few words of time or manner of
/// resolution/rename-lead-ins.txt (昨日正式宣布). Two names the lexicon knows apart are joined only where the second
/// stands in brackets after the first (文小言（原文心一言App）).
/// </summary>
public sealed class RenameLinks(LanguageResources resources)
{
    private readonly IReadOnlyList<string> _links = resources.Lines("resolution/rename-links.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _leadIns = resources.Lines("resolution/rename-lead-ins.txt")
        .Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    /// <summary>How many characters of time or manner may stand before the link word (昨日正式宣布).</summary>
    private const int MaxLeadIn = 6;

    /// <summary>The pairs of adjacent mentions the text says are one thing renamed: the earlier mention first.</summary>
    public IEnumerable<(Mention Earlier, Mention Later)> Pairs(Document document)
    {
        var mentions = document.Mentions.Where(m => !m.IsAnaphor && m.Type is not ("Person" or "Location")).ToList();
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (first, second) = (mentions[i], mentions[i + 1]);
            if (second.Range.Start <= first.Range.End || second.Range.Start - first.Range.End > MaxLeadIn + 6) continue;
            // Two companies the lexicon knows apart are one only where the second stands in brackets as the first's
            // other name (文小言（原文心一言App）); in running text (Motional的前身是nuTonomy) news often means two companies.
            if (first.LexiconId is not null && second.LexiconId is not null && first.LexiconId != second.LexiconId
                && document.Text[first.Range.End] is not ('（' or '(')) continue;
            // The later name must end there (前身是大疆车载 names 大疆车载, not the 大疆 the lexicon found in it).
            if (second.Range.End < document.Text.Length && IsHan(document.Text[second.Range.End])) continue;
            if (IsRenameLink(document.Text.AsSpan(first.Range.End, second.Range.Start - first.Range.End))) yield return (first, second);
        }
    }

    private bool IsRenameLink(ReadOnlySpan<char> between)
    {
        between = between.Trim(" “”\"「」《》（(）),，");
        foreach (var link in _links)
        {
            if (!between.EndsWith(link, StringComparison.Ordinal)) continue;
            var leadIn = between[..^link.Length];
            return leadIn.Length <= MaxLeadIn && IsLeadIn(leadIn);
        }
        return false;
    }

    /// <summary>Whether the text is made of lead-in words alone, nothing else.</summary>
    private bool IsLeadIn(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var length = 0;
            foreach (var word in _leadIns)
            {
                if (text.StartsWith(word, StringComparison.Ordinal)) { length = word.Length; break; }
            }
            if (length == 0) return false;
            text = text[length..];
        }
        return true;
    }
}
