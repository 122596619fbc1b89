using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>
/// Finds where the items of a list or round-up begin, so that what one item says is not carried into the next: an
/// item of a funding round-up whose company is unknown must not give its backers to the company of the item before or
/// of the headline. An item opens at a list marker (1. 、【融资】、•), at a heading line (short, without closing
/// punctuation: 「一、Cognition完成4亿美元融资」 over the paragraph about it, whose paragraphs all go on from it), and,
/// in an article whose headline calls it a round-up (周报, 速览, 要闻 …: <c>normalisation/round-up-headlines.txt</c>)
/// but whose body has neither headings nor markers, at every paragraph. Ordinary paragraphs of other articles stay joined: 「该公司」 may point back across them.
/// </summary>
public sealed class ArticleItems(LanguageResources resources) : IPipelineStage
{
    /// <summary>Longer lines are paragraphs, however they end.</summary>
    private const int MaxHeadingLength = 40;

    private readonly string[] _roundUpWords = resources.Lines("normalisation/round-up-headlines.txt").Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    public void Process(Document document)
    {
        var paragraphs = document.Paragraphs;
        if (paragraphs.Count < 2) return;
        var text = document.Text;
        var headed = paragraphs.Select(p => ListItemMarker.StartsAt(text, p.Start) || IsHeading(text, p)).ToList();
        // A round-up whose items have headings or markers keeps an item's paragraphs together; one without them is an item a paragraph.
        var bodyStart = headed.IndexOf(false);
        var everyParagraph = bodyStart >= 0 && !headed.Skip(bodyStart).Any(h => h) && IsRoundUp(document);
        for (var p = 1; p < paragraphs.Count; p++)
        {
            if (headed[p] || everyParagraph && !headed[p - 1]) document.ItemStarts.Add(p);
        }
    }

    /// <summary>The headline (the article's title, else its first line) has a round-up's word.</summary>
    private bool IsRoundUp(Document document)
    {
        var headline = document.Article.Title;
        if (string.IsNullOrEmpty(headline))
        {
            var first = document.Paragraphs[0];
            headline = document.Text[first.Start..first.End];
        }
        return _roundUpWords.Any(word => headline.Contains(word, StringComparison.Ordinal));
    }

    private static bool IsHeading(string text, TextRange paragraph)
    {
        var line = text.AsSpan(paragraph.Start, paragraph.Length).Trim();
        return line.Length is > 0 and <= MaxHeadingLength && line[^1] is not ('。' or '！' or '？' or '!' or '?' or '；' or ';' or '：' or ':' or '”' or '"' or '）' or ')' or '，' or ',');
    }
}
