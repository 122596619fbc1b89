using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Fuzz;

/// <summary>Bytes as a file: decoding, format detection and the plain text, JSON, JSON Lines and HTML parsers.</summary>
public sealed class ReaderTarget : IFuzzTarget
{
    // The reader picks its parser from the content, except JSON Lines, which the .jsonl name also selects.
    private static readonly string[] Sources = ["fuzz.txt", "fuzz.jsonl"];

    public void Run(byte[] input)
    {
        foreach (var source in Sources)
        {
            IReadOnlyList<Article> articles;
            try
            {
                articles = ArticleReader.Read(input, source);
            }
            catch (ArticleReadException refused)
            {
                if (!refused.Message.Contains(source, StringComparison.Ordinal))
                    throw new InvariantBrokenException($"the refusal does not name its source: {refused.Message}");
                continue;
            }
            if (articles.Count == 0)
                throw new InvariantBrokenException("the reader returned no article and no error");
            foreach (var article in articles)
            {
                if (string.IsNullOrWhiteSpace(article.Text))
                    throw new InvariantBrokenException("the reader returned an article without text");
            }
        }
    }
}
