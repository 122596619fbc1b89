using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>Funding rounds as written in Chinese news: 天使轮, Pre-A轮, B+轮, C2轮, 战略融资, Series B.</summary>
public static partial class FundingRound
{
    [GeneratedRegex(@"(?<r>天使\+?|种子|Pre-?[A-H]\+?|[A-H]\d?\+{0,2}|首)轮|(?<r>战略)(?:投资|融资)|Series\s(?<r>[A-H])\b|(?<r>IPO)")]
    private static partial Regex RoundPattern();

    public static string? Find(string text)
    {
        var match = RoundPattern().Match(text);
        if (!match.Success) return null;
        var round = match.Groups["r"].Value;
        return round is "战略" or "IPO" ? round : round + "轮";
    }
}
