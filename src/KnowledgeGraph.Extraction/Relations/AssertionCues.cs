using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// What makes a statement not an assertion: rumour, speculation, negotiation and denial before or inside it;
/// negation inside its clause; a deal called off or quoted as a rumour in its clause; a later sentence that says it never happened (淹没, 告吹), which cancels the
/// plans (将, 计划) stated before it in the paragraph.
/// </summary>
public sealed class AssertionCues
{
    private readonly Regex _uncertain;
    private readonly Regex _denial;
    private readonly Regex _negation;
    private readonly Regex _clauseDenial;
    private readonly Regex _newStatement;
    private readonly Regex _contrast;
    private readonly Regex _reversal;
    private readonly Regex _dealReversal;
    private readonly Regex _future;

    public AssertionCues(LanguageResources resources)
    {
        var rows = resources.Rows("relations/assertion-cues.tsv", 2);
        Regex Of(string kind) => new(string.Join("|", rows.Where(r => r[0].Trim() == kind).Select(r => $"(?:{r[1].Trim()})")), RegexOptions.Compiled);
        _uncertain = Of("uncertain");
        _denial = Of("denial");
        _negation = Of("negation");
        _clauseDenial = Of("clause-denial");
        _newStatement = Of("new-statement");
        _contrast = Of("contrast");
        _reversal = Of("reversal");
        _dealReversal = Of("deal-reversal");
        _future = Of("future");
    }

    /// <summary>
    /// True when the sentence hedges the statement before it ends, or denies it anywhere but in a clause before a new
    /// statement (「否认公司被收购，并表示已与阿里云达成战略合作」: the partnership stands) or after a rumour told after the
    /// statement, which is what it denies (「阿里巴巴持有蚂蚁集团约33%的股份，市场一度传闻两款产品将合并运营，蚂蚁方面对此明确否认」). A pattern's statement
    /// (<paramref name="hedgeEndsAtContrast"/>) is hedged only by a hedge with no contrast between (「有消息称X曾考虑出售，但最终与谷歌达成了
    /// 授权协议」: the agreement stands); a clause-level finding, which reads no verb of its own, is hedged by any before it.
    /// </summary>
    public bool IsUncertain(ReadOnlySpan<char> sentenceUpToEvidenceEnd, ReadOnlySpan<char> sentence, int evidenceStart, bool hedgeEndsAtContrast = false)
    {
        foreach (var hedge in _uncertain.EnumerateMatches(sentenceUpToEvidenceEnd))
        {
            if (!hedgeEndsAtContrast || !Between(_contrast, sentence, hedge.Index + hedge.Length, evidenceStart)) return true;
        }
        var evidenceEnd = sentenceUpToEvidenceEnd.Length;
        foreach (var denial in _denial.EnumerateMatches(sentence))
        {
            if (denial.Index >= evidenceEnd && _uncertain.IsMatch(sentence[evidenceEnd..denial.Index])) continue;
            if (!Between(_newStatement, sentence, denial.Index + denial.Length, evidenceStart)) return true;
        }
        return false;
    }

    /// <summary>A clause opening of <paramref name="opening"/>'s kind stands after <paramref name="from"/> and before <paramref name="to"/>, its first word perhaps where the evidence begins.</summary>
    private static bool Between(Regex opening, ReadOnlySpan<char> sentence, int from, int to)
    {
        if (from >= to) return false;
        var reach = Math.Min(sentence.Length, to + MaxStatementOpening);
        foreach (var statement in opening.EnumerateMatches(sentence[from..reach]))
        {
            if (from + statement.Index < to) return true;
        }
        return false;
    }

    /// <summary>How far past the evidence's start a new statement's opening (a clause break and a conjunction) may reach.</summary>
    private const int MaxStatementOpening = 3;

    /// <summary>True when a negation stands in the evidence with no clause break between it and the end.</summary>
    public bool IsNegated(ReadOnlySpan<char> evidence)
    {
        foreach (var match in _negation.EnumerateMatches(evidence))
        {
            var rest = evidence[(match.Index + match.Length)..];
            if (rest.IndexOfAny('，', ',') < 0) return true;
        }
        return false;
    }

    /// <summary>
    /// True when a denial stands inside the evidence (苹果否认正在开发自有搜索引擎Pegasus): a noun phrase read across it is
    /// what the sentence denies, not what it presupposes.
    /// </summary>
    public bool IsDeniedWithin(ReadOnlySpan<char> evidence) => _denial.IsMatch(evidence);

    /// <summary>True when the clause holding the evidence calls the deal off or quotes it as a rumour, before or after it.</summary>
    public bool IsDeniedInClause(ReadOnlySpan<char> clause) => _clauseDenial.IsMatch(clause);

    /// <summary>Where in the sentence a reversal is stated, or -1.</summary>
    public int ReversalAt(ReadOnlySpan<char> sentence)
    {
        foreach (var match in _reversal.EnumerateMatches(sentence)) return match.Index;
        return -1;
    }

    /// <summary>Where in the sentence a deal or a move is said to have fallen through (这笔交易被否决, 加入微软的计划随之落空), or -1.</summary>
    public int DealReversalAt(ReadOnlySpan<char> sentence)
    {
        foreach (var match in _dealReversal.EnumerateMatches(sentence)) return match.Index;
        return -1;
    }

    public bool IsPlan(ReadOnlySpan<char> text) => _future.IsMatch(text);
}
