namespace KnowledgeGraph.Extraction.Reading;

/// <summary>A plain-text article: an optional first line with the publication date, then the title, then the body.</summary>
public static class PlainTextArticleParser
{
    public static Article Parse(string text, string source)
    {
        DateTime? publishedAt = null;
        string? title = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (publishedAt is null && title is null && PublicationDate.TryParseLine(line, out var date))
            {
                publishedAt = date;
                continue;
            }
            title = line;
            break;
        }
        return new Article(source, text, title, publishedAt, null);
    }
}
