using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>Funding rounds as written in Chinese news (天使轮, Pre-A轮, B+轮, C2轮, 战略融资, Series B), as
/// <c>relations/funding-rounds.tsv</c> lists them.</summary>
public static class FundingRound
{
    private static readonly (Regex Pattern, string[] Suffixes) Rounds = Load();

    public static string? Find(string text)
    {
        var match = Rounds.Pattern.Match(text);
        if (!match.Success) return null;
        for (var i = 0; i < Rounds.Suffixes.Length; i++)
        {
            if (match.Groups[$"w{i}"].Success) return match.Groups["r"].Value + Rounds.Suffixes[i];
        }
        throw new InvalidOperationException("a funding-round match with no writing of its own");
    }

    private static (Regex, string[]) Load()
    {
        var rows = LanguageData.EmbeddedWords.Rows("relations/funding-rounds.tsv");
        var alternatives = rows.Select((row, i) => $"(?<w{i}>{row[0].Trim()})");
        var pattern = new Regex(string.Join("|", alternatives), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        return (pattern, rows.Select(row => row.Length > 1 ? row[1].Trim() : "").ToArray());
    }
}
