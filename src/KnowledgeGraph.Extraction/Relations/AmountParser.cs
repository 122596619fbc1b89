using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;

namespace KnowledgeGraph.Extraction.Relations;

public sealed record MoneyAmount(int Start, int End, decimal Value, string Currency);

/// <summary>
/// Money as news writes it: 13亿美元, 1600万欧元, 4.5亿元人民币, $6.6 billion, 20 亿美金. Values overflowing
/// a decimal are ignored rather than guessed.
/// </summary>
public sealed class AmountParser
{
    private readonly Regex _chinese;
    private readonly Regex _english;
    private readonly Dictionary<string, decimal> _units;
    private readonly Dictionary<string, string> _currencies;

    public AmountParser(LanguageResources resources)
    {
        _currencies = resources.Rows("relations/currencies.tsv", 2).ToDictionary(r => r[0].Trim(), r => r[1].Trim());
        _units = resources.Rows("relations/number-units.tsv", 2)
            .ToDictionary(r => r[0].Trim(), r => decimal.Parse(r[1], CultureInfo.InvariantCulture));
        var chineseUnits = string.Join("|", _units.Keys.Where(k => k.Any(c => c > 127)).OrderByDescending(k => k.Length).Select(Regex.Escape));
        var englishUnits = string.Join("|", _units.Keys.Where(k => k.All(c => c < 128)).OrderByDescending(k => k.Length).Select(Regex.Escape));
        var currencyWords = string.Join("|", _currencies.Keys.Where(k => k.Any(c => c > 127 && c != '€' && c != '£')).OrderByDescending(k => k.Length).Select(Regex.Escape));
        _chinese = new Regex($@"(?<n>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?<u>(?:{chineseUnits})*)\s*(?<c>{currencyWords})", RegexOptions.Compiled);
        _english = new Regex($@"(?<c>US\$|\$|€|£)\s?(?<n>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?<u>{englishUnits}|{chineseUnits})?\b", RegexOptions.Compiled);
    }

    public IReadOnlyList<MoneyAmount> FindAll(string text, int start, int end)
    {
        var found = new List<MoneyAmount>();
        var segment = text[start..end];
        foreach (Match match in _chinese.Matches(segment)) Add(found, match, start);
        foreach (Match match in _english.Matches(segment)) Add(found, match, start);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private void Add(List<MoneyAmount> found, Match match, int offset)
    {
        if (!decimal.TryParse(match.Groups["n"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return;
        var unitText = match.Groups["u"].Value;
        try
        {
            foreach (var unit in SplitUnits(unitText)) value *= _units[unit];
        }
        catch (OverflowException)
        {
            return;
        }
        var currencyWord = match.Groups["c"].Value;
        var currency = currencyWord switch
        {
            "元" or "人民币" or "元人民币" => "CNY",
            _ => _currencies.GetValueOrDefault(currencyWord, "USD"),
        };
        found.Add(new MoneyAmount(offset + match.Index, offset + match.Index + match.Length, Normalise(value), currency));
    }

    /// <summary>Stacked units multiply: 1.5万亿 is one unit, 10万亿 too, but 5千万 is 千 × 万 when 千万 is not listed.</summary>
    private IEnumerable<string> SplitUnits(string units)
    {
        var rest = units;
        while (rest.Length > 0)
        {
            var unit = _units.Keys.Where(k => rest.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            if (unit is null) yield break;
            yield return unit;
            rest = rest[unit.Length..];
        }
    }

    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}
