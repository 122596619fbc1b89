using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Extraction.Reading;

/// <summary>Publication dates as news sites write them: 2024-03-22 03:37, 2024/3/22, 2024年3月22日 15:00, ISO 8601.</summary>
public static partial class PublicationDate
{
    [GeneratedRegex(@"^\s*(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})日?(?:[ T]+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?\s*$")]
    private static partial Regex DateLine();

    public static bool TryParseLine(string line, out DateTime value)
    {
        value = default;
        var match = DateLine().Match(line);
        if (!match.Success) return false;
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            value = new DateTime(Part("y"), Part("m"), Part("d"), Part("h"), Part("min"), Part("s"), DateTimeKind.Unspecified);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static bool TryParse(string text, out DateTime value)
    {
        if (TryParseLine(text, out value)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset))
        {
            value = DateTime.SpecifyKind(text.Contains('+') || text.EndsWith('Z') ? offset.UtcDateTime : offset.DateTime, DateTimeKind.Unspecified);
            return true;
        }
        return false;
    }
}
