using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Where a name in a clause's list of backers is not the backer itself: it owns the next name (的, 旗下), is another
/// spelling in brackets, or describes the next name; and where the text goes on past a bracket. Used by <see cref="BackerClauses"/>.
/// </summary>
internal static class BackerListNames
{
    /// <summary>
    /// A name followed by 的 owns what comes next (阿里巴巴的…): the next name is the backer. After 旗下 only a name
    /// that follows it in the same list item is the backer (沙特主权基金PIF旗下的AI公司HUMAIN领投); a fund it leaves
    /// unnamed (中金资本旗下基金和春华资本联合领投) is the owner's money.
    /// </summary>
    internal static bool OwnsNext(string text, int end, IReadOnlyList<Mention> mentions, int before) =>
        end < text.Length && (text[end] == '的' || string.CompareOrdinal(text, end, "旗下", 0, 2) == 0 && DescribesNext(text, end, mentions, before));

    /// <summary>A name inside brackets is another spelling of the name before them (富达（Fidelity Management &amp; Research）).</summary>
    internal static bool InBrackets(string text, int clauseStart, int position)
    {
        var open = text.LastIndexOfAny(['（', '('], Math.Max(clauseStart, position - 1), Math.Max(0, position - clauseStart));
        return open >= 0 && text.IndexOfAny(['）', ')'], open, position - open) < 0;
    }

    /// <summary>
    /// A name written before the next one with no joiner between describes it (亚马逊创始人杰夫·贝索斯, 谷歌前CEO埃里克·施密特):
    /// the next one is the backer.
    /// </summary>
    internal static bool DescribesNext(string text, int backerEnd, IReadOnlyList<Mention> mentions, int before)
    {
        var next = mentions.FirstOrDefault(m => m.Range.Start >= backerEnd && m.Range.Length > 0 && !InBrackets(text, backerEnd, m.Range.Start));
        if (next is null || next.Range.End > before) return false;
        return text.IndexOfAny(Joiners, backerEnd, next.Range.Start - backerEnd) < 0;
    }

    internal static readonly char[] Joiners = ['、', '，', ',', '和', '与', '及', '同', '跟'];

    /// <summary>Where the text goes on after a bracket that follows a name (阿什顿·库彻（Ashton Kutcher）的…).</summary>
    internal static int PastBrackets(string text, int position, int limit)
    {
        if (position >= limit || text[position] is not ('（' or '(')) return position;
        var close = text.IndexOfAny(['）', ')'], position, limit - position);
        return close < 0 ? position : close + 1;
    }
}
