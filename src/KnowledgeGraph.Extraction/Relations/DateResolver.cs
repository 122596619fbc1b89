using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Relations;

public sealed record DateMention(int Start, int End, string Iso);

/// <summary>
/// Dates in ISO 8601 at the precision the text gives (2023, 2023-06, 2024-03-19), relative ones (去年中期, 今年2月,
/// 上个月; the words are in <c>relations/relative-dates.tsv</c>) resolved against the publication date. Without a
/// publication date relative dates stay unresolved.
/// </summary>
public static class DateResolver
{
    private static readonly Dictionary<string, int> YearOffsets = Offsets("year");
    private static readonly Dictionary<string, int> MonthOffsets = Offsets("month");

    private static readonly Regex DatePattern = new(
        $@"(?<y>(?:19|20)\d{{2}})\s*年\s*(?:(?<m>\d{{1,2}})\s*月\s*(?:(?<d>\d{{1,2}})\s*日)?)?|(?<y>(?:19|20)\d{{2}})-(?<m>\d{{1,2}})-(?<d>\d{{1,2}})|(?<rel>{Alternation(YearOffsets.Keys)})(?:(?<m>\d{{1,2}})\s*月(?:(?<d>\d{{1,2}})\s*日)?)?|(?<relm>{Alternation(MonthOffsets.Keys)})|(?<m>\d{{1,2}})\s*月\s*(?<d>\d{{1,2}})\s*日",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static IReadOnlyList<DateMention> FindAll(string text, int start, int end, DateTime? publishedAt)
    {
        var found = new List<DateMention>();
        foreach (Match match in DatePattern.Matches(text[start..end]))
        {
            if (Resolve(match, publishedAt) is { } iso)
                found.Add(new DateMention(start + match.Index, start + match.Index + match.Length, iso));
        }
        return found;
    }

    private static string? Resolve(Match match, DateTime? publishedAt)
    {
        int? year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        int? month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        if (match.Groups["rel"].Success)
        {
            if (publishedAt is null) return null;
            year = publishedAt.Value.Year + YearOffsets[match.Groups["rel"].Value];
        }
        else if (match.Groups["relm"].Success)
        {
            if (publishedAt is null) return null;
            return publishedAt.Value.AddMonths(MonthOffsets[match.Groups["relm"].Value]).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        else if (year is null)
        {
            if (publishedAt is null) return null;
            year = publishedAt.Value.Year;
        }
        if (month is null) return year.Value.ToString("D4", CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (day is null) return $"{year:D4}-{month:D2}";
        return day <= DateTime.DaysInMonth(year.Value, month.Value) && day >= 1 ? $"{year:D4}-{month:D2}-{day:D2}" : null;
    }

    private static Dictionary<string, int> Offsets(string unit) =>
        LanguageData.EmbeddedWords.Rows("relations/relative-dates.tsv")
            .Where(row => row.Length >= 3 && row[1].Trim() == unit)
            .ToDictionary(row => row[0].Trim(), row => int.Parse(row[2].Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Longest words first, so that a word is never cut short by another it begins with.</summary>
    private static string Alternation(IEnumerable<string> words) =>
        string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
}
