using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>One row of <c>relations/patterns.tsv</c>, its macros expanded and compiled.</summary>
public sealed record RelationPattern(string Type, double Confidence, IReadOnlyDictionary<string, string> Settings, Regex Regex, string Source)
{
    /// <summary>Mention kinds (P, O, R) the pattern needs; a sentence without them is not tried.</summary>
    public required IReadOnlySet<char> NeededKinds { get; init; }

    public static IReadOnlyList<RelationPattern> Load(LanguageResources resources, RecognitionData recognition, OntologySchema ontology)
    {
        var titles = string.Join("|", recognition.Titles.Select(Regex.Escape));
        var macros = resources.Rows("relations/macros.tsv", 2)
            .Select(r => (Name: r[0], Expansion: r[1].Replace("@TITLES@", titles)))
            .OrderByDescending(m => m.Name.Length)
            .ToList();
        var patterns = new List<RelationPattern>();
        foreach (var row in resources.Rows("relations/patterns.tsv", 4))
        {
            var type = row[0].Trim();
            if (!ontology.IsRelationType(type))
                throw new InvalidDataException($"patterns.tsv: '{type}' is not a relation type of the ontology");
            var expanded = Expand(row[3].Trim(), macros);
            Regex regex;
            try
            {
                regex = new Regex(expanded, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"patterns.tsv: pattern '{row[3]}' is not a valid regular expression: {e.Message}");
            }
            if (regex.GroupNumberFromName("s") < 0 || regex.GroupNumberFromName("o") < 0)
                throw new InvalidDataException($"patterns.tsv: pattern '{row[3]}' needs a subject (s) and an object (o) slot");
            patterns.Add(new RelationPattern(type, double.Parse(row[1], CultureInfo.InvariantCulture), ParseSettings(row[2]), regex, row[3].Trim())
            {
                NeededKinds = Regex.Matches(expanded, @"<([OPR])\\d\+>").Select(m => m.Groups[1].Value[0]).ToHashSet(),
            });
        }
        return patterns;
    }

    /// <summary>Macros may use other macros; expansion repeats until nothing is left to expand.</summary>
    private static string Expand(string pattern, IReadOnlyList<(string Name, string Expansion)> macros)
    {
        for (var round = 0; round < 8; round++)
        {
            var expanded = macros.Aggregate(pattern, (current, macro) => current.Replace(macro.Name, macro.Expansion));
            if (expanded == pattern) return expanded;
            pattern = expanded;
        }
        throw new InvalidDataException($"macros.tsv: macros expand without end in '{pattern}'");
    }

    private static IReadOnlyDictionary<string, string> ParseSettings(string column) =>
        column.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(setting => setting.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "true");
}
