using System.Text.Json;

namespace KnowledgeGraph.Extraction.Reading;

/// <summary>JSON articles: <c>{"title", "text", "publishedAt", "url"}</c>; JSON Lines hold one per line.</summary>
public static class JsonArticleParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    public static Article Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return FromElement(document.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new ArticleReadException(source, $"malformed JSON: {e.Message}");
        }
    }

    public static IReadOnlyList<Article> ParseLines(string text, string source)
    {
        var articles = new List<Article>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            articles.Add(Parse(line, $"{source}:{lineNumber}"));
        }
        return articles;
    }

    private static Article FromElement(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArticleReadException(source, $"expected a JSON object with 'text', found {root.ValueKind}");
        var text = OptionalString(root, "text", source)
                   ?? throw new ArticleReadException(source, "JSON article has no 'text' field");
        if (string.IsNullOrWhiteSpace(text))
            throw new ArticleReadException(source, "JSON article's 'text' is empty");
        var title = OptionalString(root, "title", source);
        var url = OptionalString(root, "url", source);
        DateTime? publishedAt = null;
        if (OptionalString(root, "publishedAt", source) is { } published)
        {
            if (!PublicationDate.TryParse(published, out var date))
                throw new ArticleReadException(source, $"'publishedAt' is not a date: '{published}'");
            publishedAt = date;
        }
        return new Article(source, text, title, publishedAt, url);
    }

    private static string? OptionalString(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ArticleReadException(source, $"'{name}' must be a string, found {value.ValueKind}");
        return value.GetString();
    }
}
