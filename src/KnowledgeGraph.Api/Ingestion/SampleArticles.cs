using System.Globalization;
using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Api.Ingestion;

/// <summary>
/// Reads the project's sample articles: a first line with the publication time (<c>2024-03-22 03:37</c>), a blank
/// line, the title, a blank line, then the body.
/// </summary>
public static class SampleArticles
{
    public static IReadOnlyList<Article> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    public static Article Parse(string source, string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 5 || lines[1].Length != 0 || lines[3].Length != 0)
            throw new FormatException($"{source}: expected a date line, a blank line, a title, a blank line, then the body.");
        if (!DateTime.TryParseExact(lines[0].Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var publishedAt))
            throw new FormatException($"{source}: the first line '{lines[0]}' is not a time like 2024-03-22 03:37.");
        var title = lines[2].Trim();
        var body = string.Join('\n', lines[4..]).Trim();
        if (title.Length == 0 || body.Length == 0)
            throw new FormatException($"{source}: the title or the body is empty.");
        return new Article("samples/" + source, body, title, publishedAt, null);
    }
}
