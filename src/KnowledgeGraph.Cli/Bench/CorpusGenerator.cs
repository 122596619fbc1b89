using System.Globalization;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Extraction.Recognition;

namespace KnowledgeGraph.Cli.Bench;

/// <summary>
/// Writes synthetic Chinese news articles from lexicon entities and sentence templates, each with the NAME.gold.json
/// annotation <c>kg eval</c> reads. The same seed writes the same corpus.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly string[] Rounds = ["天使轮", "Pre-A轮", "A轮", "B轮", "C轮", "D轮"];
    private static readonly string[] Titles = ["首席执行官", "首席技术官", "总裁", "首席科学家", "联合创始人"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IReadOnlyList<SentenceTemplate> _relations;
    private readonly IReadOnlyList<SentenceTemplate> _fillers;
    private readonly Dictionary<string, LexiconEntry[]> _entitiesByType;

    public CorpusGenerator(Lexicon lexicon, IReadOnlyList<SentenceTemplate> templates)
    {
        _relations = templates.Where(t => !t.IsFiller).ToList();
        _fillers = templates.Where(t => t.IsFiller).ToList();
        _entitiesByType = lexicon.Entries.OrderBy(e => e.Id, StringComparer.Ordinal).GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var template in _relations)
            foreach (var type in new[] { template.SubjectType!, template.ObjectType! })
                if (!_entitiesByType.TryGetValue(type, out var pool) || pool.Length < 2)
                    throw new InvalidDataException($"the lexicon has too few entities of type {type} for the template '{template.Text}'");
    }

    public void Write(string directory, int articles, int seed)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var width = Math.Max(6, articles.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 1; i <= articles; i++)
        {
            var article = Compose(random);
            var name = "bench-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            File.WriteAllText(Path.Combine(directory, name + ".txt"), article.Text, new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(directory, name + ".gold.json"), JsonSerializer.Serialize(article.Gold, Json), new UTF8Encoding(false));
        }
    }

    private (string Text, GoldFile Gold) Compose(Random random)
    {
        var entities = new Dictionary<string, GoldEntityRow>(StringComparer.Ordinal);
        var relations = new List<GoldRelationRow>();
        var year = random.Next(2018, 2026);
        var month = random.Next(1, 13);
        var sentences = new List<string>();
        for (var n = random.Next(3, 9); n > 0; n--)
            sentences.Add(RelationSentence(random, year, month, entities, relations));
        var title = sentences[0].TrimEnd('。');
        for (var n = random.Next(2, 6); n > 0; n--)
            sentences.Insert(random.Next(1, sentences.Count + 1), Fill(_fillers[random.Next(_fillers.Count)].Text, new Dictionary<string, string> { ["year"] = Year(year) }));

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{random.Next(1, 29):D2} {random.Next(7, 22):D2}:{random.Next(0, 60):D2}\n\n");
        text.Append(title).Append("\n\n");
        var perParagraph = random.Next(2, 5);
        for (var i = 0; i < sentences.Count; i++)
        {
            text.Append(sentences[i]);
            if ((i + 1) % perParagraph == 0 || i == sentences.Count - 1) text.Append("\n\n");
        }
        return (text.ToString(), new GoldFile(entities.Values.ToList(), relations));
    }

    private string RelationSentence(Random random, int year, int month, Dictionary<string, GoldEntityRow> entities, List<GoldRelationRow> relations)
    {
        var template = _relations[random.Next(_relations.Count)];
        var subject = Pick(random, template.SubjectType!, null);
        var @object = Pick(random, template.ObjectType!, subject.Id);
        var hundredMillions = random.Next(1, 60);
        var values = new Dictionary<string, string>
        {
            ["s"] = Surface(subject),
            ["o"] = Surface(@object),
            ["amount"] = hundredMillions.ToString(CultureInfo.InvariantCulture) + "亿美元",
            ["round"] = Rounds[random.Next(Rounds.Length)],
            ["title"] = Titles[random.Next(Titles.Length)],
            ["year"] = Year(year),
            ["date"] = $"{Year(year)}年{month.ToString(CultureInfo.InvariantCulture)}月",
        };
        Mention(entities, subject, values["s"]);
        Mention(entities, @object, values["o"]);
        var attributes = new Dictionary<string, object>();
        if (template.Attributes.Contains("lead=true")) attributes["lead"] = true;
        if (template.Attributes.Contains("amount"))
        {
            attributes["amount"] = hundredMillions * 100_000_000L;
            attributes["currency"] = "USD";
        }
        if (template.Attributes.Contains("round")) attributes["round"] = values["round"];
        if (template.Attributes.Contains("role")) attributes["role"] = values["title"];
        if (template.Attributes.Contains("date")) attributes["date"] = Year(year);
        relations.Add(new GoldRelationRow(template.Relation!, subject.Name, @object.Name, false, attributes));
        return Fill(template.Text, values);
    }

    private LexiconEntry Pick(Random random, string type, string? otherThan)
    {
        var pool = _entitiesByType[type];
        while (true)
        {
            var entry = pool[random.Next(pool.Length)];
            if (entry.Id != otherThan) return entry;
        }
    }

    /// <summary>The name a Chinese article would use: the first Chinese name, else the English one.</summary>
    private static string Surface(LexiconEntry entry) => entry.ChineseNames.Count > 0 ? entry.ChineseNames[0] : entry.Name;

    private static void Mention(Dictionary<string, GoldEntityRow> entities, LexiconEntry entry, string surface)
    {
        if (!entities.TryGetValue(entry.Id, out var row))
            entities[entry.Id] = row = new GoldEntityRow(entry.Name, entry.Type, [], false);
        if (!row.Aliases.Contains(surface)) row.Aliases.Add(surface);
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (var (key, value) in values) text.Replace("{" + key + "}", value);
        return text.ToString();
    }

    private sealed record GoldFile(IReadOnlyList<GoldEntityRow> Entities, IReadOnlyList<GoldRelationRow> Relations);

    private sealed record GoldEntityRow(string Name, string Type, List<string> Aliases, bool Optional);

    private sealed record GoldRelationRow(string Type, string Subject, string Object, bool Optional, IReadOnlyDictionary<string, object> Attributes);
}
