namespace KnowledgeGraph.Cli.Bench;

/// <summary>One row of sentence-templates.tsv: a sentence stating one relation (or none, for filler).</summary>
public sealed record SentenceTemplate(string? Relation, string? SubjectType, string? ObjectType, IReadOnlySet<string> Attributes, string Text)
{
    public bool IsFiller => Relation is null;

    public static IReadOnlyList<SentenceTemplate> Load(string path)
    {
        var templates = new List<SentenceTemplate>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length != 5) throw new InvalidDataException($"{path}:{lineNumber}: expected 5 tab-separated columns, found {columns.Length}");
            string? Value(string column) => column == "-" ? null : column;
            var attributes = columns[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var template = new SentenceTemplate(Value(columns[0]), Value(columns[1]), Value(columns[2]), attributes, columns[4]);
            if (!template.IsFiller && (template.SubjectType is null || template.ObjectType is null || !template.Text.Contains("{s}") || !template.Text.Contains("{o}")))
                throw new InvalidDataException($"{path}:{lineNumber}: a relation template needs subject and object types and both {{s}} and {{o}}");
            templates.Add(template);
        }
        if (!templates.Any(t => !t.IsFiller)) throw new InvalidDataException($"{path}: no relation templates");
        return templates;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Bench", "sentence-templates.tsv");
}
