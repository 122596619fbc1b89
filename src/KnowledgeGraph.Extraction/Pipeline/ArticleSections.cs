using KnowledgeGraph.Extraction.Reading;

namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>
/// Cuts an over-long article at paragraph breaks into sections that are extracted one after another, so that
/// the per-character and per-token structures of only one section are alive at a time. News articles are a few
/// thousand characters; only dumps and concatenations reach the limit, and for those anaphora and topics
/// stay inside a section.
/// </summary>
public static class ArticleSections
{
    public const int DefaultMaxLength = 200_000;

    /// <summary>Sections with the UTF-16 index in the whole text where each starts.</summary>
    public static IEnumerable<(Article Section, int Start)> Split(Article article, int maxLength = DefaultMaxLength)
    {
        var text = article.Text;
        var start = 0;
        while (start < text.Length)
        {
            var end = SectionEnd(text, start, maxLength);
            yield return (article with { Text = text[start..end] }, start);
            start = end;
        }
    }

    private static int SectionEnd(string text, int start, int maxLength)
    {
        if (text.Length - start <= maxLength) return text.Length;
        var limit = start + maxLength;
        var lastBreak = text.LastIndexOf('\n', limit - 1, maxLength / 2);
        if (lastBreak >= 0) return lastBreak + 1;
        // A paragraph longer than half a section: cut between characters, never inside a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }
}
