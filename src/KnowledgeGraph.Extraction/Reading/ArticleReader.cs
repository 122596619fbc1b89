namespace KnowledgeGraph.Extraction.Reading;

/// <summary>
/// Reads articles from files: plain text, JSON, JSON Lines or HTML, recognised by their content.
/// A file yields one article, a JSON Lines file one per line.
/// </summary>
public static class ArticleReader
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static readonly string[] ArticleExtensions = [".txt", ".json", ".jsonl", ".html", ".htm"];

    public static IReadOnlyList<Article> ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new ArticleReadException(path, "file not found");
        if (info.Length > MaxFileBytes)
            throw new ArticleReadException(path, $"file is {info.Length} bytes, over the limit of {MaxFileBytes}");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleReadException(path, e.Message);
        }
        return Read(bytes, path);
    }

    public static IReadOnlyList<Article> Read(ReadOnlySpan<byte> bytes, string source)
    {
        var text = TextDecoder.Decode(bytes, source);
        return ReadText(text, source);
    }

    public static IReadOnlyList<Article> ReadText(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArticleReadException(source, "empty file: no article text");
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{") || start.StartsWith("["))
            return source.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || LooksLikeJsonLines(text)
                ? JsonArticleParser.ParseLines(text, source)
                : [JsonArticleParser.Parse(text, source)];
        if (start.StartsWith("<") && HtmlArticleParser.LooksLikeHtml(text))
            return [HtmlArticleParser.Parse(text, source)];
        return [PlainTextArticleParser.Parse(text, source)];
    }

    /// <summary>Every file under the given paths that looks like an article, in a stable order.</summary>
    public static IEnumerable<string> EnumerateFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // The listing's paths all begin with the folder as given, so that prefix is held once.
                foreach (var file in SortedPaths.Order(path, Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsArticleFile)))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static bool IsArticleFile(string file) =>
        ArticleExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())
        && !file.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeJsonLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && lines.All(l => l.StartsWith('{') && l.EndsWith('}'));
    }
}
