using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Relations;

public sealed record DateMention(int Start, int End, string Iso);

/// <summary>
/// Dates in ISO 8601 at the precision the text gives (2023, 2023-06, 2024-03-19), relative ones (去年中期, 今年2月,
/// 上个月) resolved against the publication date. Without a publication date relative dates stay unresolved.
/// </summary>
public static partial class DateResolver
{
    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年\s*(?:(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*日)?)?|(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})|(?<rel>今年|去年|前年|明年)(?:(?<m>\d{1,2})\s*月(?:(?<d>\d{1,2})\s*日)?)?|(?<relm>上个月|上月|本月|这个月|当月)|(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex DatePattern();

    public static IReadOnlyList<DateMention> FindAll(string text, int start, int end, DateTime? publishedAt)
    {
        var found = new List<DateMention>();
        foreach (Match match in DatePattern().Matches(text[start..end]))
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
            year = publishedAt.Value.Year + match.Groups["rel"].Value switch { "去年" => -1, "前年" => -2, "明年" => 1, _ => 0 };
        }
        else if (match.Groups["relm"].Success)
        {
            if (publishedAt is null) return null;
            var reference = match.Groups["relm"].Value is "上个月" or "上月" ? publishedAt.Value.AddMonths(-1) : publishedAt.Value;
            return reference.ToString("yyyy-MM", CultureInfo.InvariantCulture);
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
}
