using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// The parties of a clause and the lists they stand in.
public sealed partial class ClauseTriggers
{
    /// <summary>How long a gap between two items of a list may be when it describes the earlier one.</summary>
    private const int MaxDescribedGap = 8;

    /// <summary>
    /// The clause's organizations (and products, where they stand for their makers), in order. An organization
    /// written right before another (谷歌DeepMind, 慕尼黑大学的CompVis) or before 旗下 only names the next one's parent.
    /// </summary>
    private List<Mention> Parties(Document document, IReadOnlyList<Mention> mentions, TextRange clause, bool withProducts)
    {
        var inClause = mentions.Where(m => m.Entity is not null && m.Range.Start >= clause.Start && m.Range.Start < clause.End).ToList();
        var parties = new List<Mention>();
        for (var i = 0; i < inClause.Count; i++)
        {
            var mention = inClause[i];
            if (mention.Type != "Organization" && !(withProducts && mention.Type == "Product")) continue;
            var next = i + 1 < inClause.Count ? inClause[i + 1] : null;
            if (mention.Type == "Organization" && next is { Type: "Organization" } && mention.Range.Length > 0
                && (next.Range.Start == mention.Range.End || document.Slice(mention.Range.End, Math.Max(mention.Range.End, next.Range.Start)) == "的")) continue;
            if (_parentWords.Any(w => string.CompareOrdinal(document.Text, mention.Range.End, w, 0, w.Length) == 0)) continue;
            if (parties.Count > 0 && IsRepeatedName(document, parties[^1], mention)) continue;
            parties.Add(mention);
        }
        return parties;
    }

    /// <summary>
    /// Another name of a party written right after it, in brackets or after a word of its description (德国电信（Deutsche
    /// Telekom）, 英伟达（NVIDIA，英伟达）, 阿联酋电信集团e&amp;): the same item of a list.
    /// </summary>
    private static bool IsRepeatedName(Document document, Mention party, Mention mention)
    {
        if (party.Range.Length == 0 || mention.Range.Start < party.Range.End) return false;
        var gap = document.Slice(party.Range.End, mention.Range.Start);
        // Inside the brackets right after a party: another name or short form of it, even one read as another entity
        // (全球基础设施合作伙伴（Global Infrastructure Partners，GIP）).
        if (gap.Length > 0 && gap[0] is '（' or '(' && gap.AsSpan().IndexOfAny('）', ')') < 0) return true;
        return mention.Entity == party.Entity && gap.Length <= MaxDescribedGap
               && gap.AsSpan().IndexOfAny(SentenceClauses.Breaks) < 0 && !gap.Contains('、');
    }

    /// <summary>The gap between two parties without the bracketed spellings opening it (（Oracle）、 → 、).</summary>
    private static string WithoutBrackets(string gap)
    {
        while (gap.Length > 0 && gap[0] is '（' or '(')
        {
            var close = gap.AsSpan().IndexOfAny('）', ')');
            if (close < 0) break;
            gap = gap[(close + 1)..];
        }
        return gap;
    }

    /// <summary>
    /// Two parties one after the other in one list (A、B; 谷歌的TPU、亚马逊的Trainium; 电影公司A与B), or two that one plural
    /// anaphor stands for (双方, 与它们竞争).
    /// </summary>
    private bool IsListed(Document document, Mention earlier, Mention later)
    {
        if (later.Range == earlier.Range && later.IsAnaphor && earlier.IsAnaphor && later.Range.Length > 0) return true;
        if (later.Range.Start < earlier.Range.End) return false;
        var gap = WithoutBrackets(document.Slice(earlier.Range.End, later.Range.Start));
        // A list word and a description of the later item (以及阿布扎比的AI投资公司MGX): the description is what may not be long.
        var listWord = _listWords.Where(w => gap.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
        if (gap.Length - (listWord?.Length ?? 0) > MaxJoinGap) return false;
        if (gap.Length == 0 || _itemWords.Contains(gap)) return true;
        // A list goes on after a comma only with 以及, 还有 (…包括A、B，以及C).
        var lastBreak = gap.AsSpan().LastIndexOfAny(SentenceClauses.Breaks);
        if (lastBreak >= 0) return _continuations.Any(c => string.CompareOrdinal(gap, lastBreak + 1, c, 0, c.Length) == 0);
        // A later item may follow a description of the one before (慕尼黑大学的CompVis研究团队和Runway).
        return _listWords.Any(w => gap.StartsWith(w, StringComparison.Ordinal))
               || gap.Length <= MaxDescribedGap && gap.IndexOfAny(['、', '和', '及']) > 0;
    }

    /// <summary>A product written right after an organization as its own (亚马逊的Trainium, 谷歌自研的TPU).</summary>
    private bool IsOwnProduct(Document document, Mention organization, Mention product) =>
        organization.Type == "Organization" && product.Type == "Product" && product.Range.Start >= organization.Range.End
        && document.Slice(organization.Range.End, product.Range.Start) is var gap && (gap.Length == 0 || _itemWords.Contains(gap));

    /// <summary>The party at <paramref name="index"/> and those listed after it.</summary>
    private List<Mention> ListFrom(Document document, List<Mention> parties, int index)
    {
        var list = new List<Mention> { parties[index] };
        for (var i = index + 1; i < parties.Count && IsListed(document, parties[i - 1], parties[i]); i++) list.Add(parties[i]);
        return list;
    }

    /// <summary>The party at <paramref name="index"/> and those listed before it.</summary>
    private List<Mention> ListUpTo(Document document, List<Mention> parties, int index)
    {
        var list = new List<Mention> { parties[index] };
        for (var i = index - 1; i >= 0 && IsListed(document, parties[i], parties[i + 1]); i--) list.Insert(0, parties[i]);
        return list;
    }
}
