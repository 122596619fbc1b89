using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>
/// Splits the text into paragraphs (lines) and sentences (at 。！？!?； and line ends), dropping page furniture
/// so that it yields nothing. Closing quotes stay with their sentence; a list item's number or bullet is in none.
/// </summary>
public sealed class SentenceSplitter(PageFurniture furniture, IReadOnlyList<string>? bracketSubjectPredicates = null) : IPipelineStage
{
    /// <summary>
    /// Words that begin a predicate (完成, 获得, 宣布): after a round-up's 【label】 one makes the label the item's
    /// subject (「【灵初智能】完成数亿元A轮融资」), which then opens the sentence; before a name (「【发布】Anthropic推出…」) the
    /// label is a category and belongs to no sentence.
    /// </summary>
    private readonly string[] _bracketSubjectPredicates = bracketSubjectPredicates?.ToArray() ?? [];

    public const int MaxSentenceLength = 400;

    public void Process(Document document)
    {
        var text = document.Text;
        var lineStart = 0;
        var inLinkList = false;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (!furniture.IsFurniture(text[lineStart..lineEnd], ref inLinkList))
            {
                document.Paragraphs.Add(new TextRange(lineStart, lineEnd));
                SplitSentences(document, SentenceStart(text, lineStart, lineEnd), lineEnd, document.Paragraphs.Count - 1);
            }
            lineStart = lineEnd + 1;
        }
    }

    /// <summary>After the line's list marker, or inside its 【label】 when a predicate follows the label.</summary>
    private int SentenceStart(string text, int lineStart, int lineEnd)
    {
        var afterMarker = lineStart + ListItemMarker.LengthAt(text, lineStart);
        var close = afterMarker - 1;
        while (close > lineStart && text[close] == ' ') close--;
        if (close <= lineStart || text[close] != '】' || afterMarker >= lineEnd) return afterMarker;
        var predicate = _bracketSubjectPredicates.Any(word => string.CompareOrdinal(text, afterMarker, word, 0, word.Length) == 0);
        return predicate ? text.LastIndexOf('【', close) + 1 : afterMarker;
    }

    private static void SplitSentences(Document document, int start, int end, int paragraph)
    {
        var text = document.Text;
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var boundary = IsTerminator(text[i]) || i - sentenceStart >= MaxSentenceLength;
            if (!boundary) continue;
            var sentenceEnd = i + 1;
            while (sentenceEnd < end && (IsClosingQuote(text[sentenceEnd]) || IsTerminator(text[sentenceEnd]))) sentenceEnd++;
            Add(document, sentenceStart, sentenceEnd, paragraph);
            sentenceStart = sentenceEnd;
            i = sentenceEnd - 1;
        }
        Add(document, sentenceStart, end, paragraph);
    }

    private static void Add(Document document, int start, int end, int paragraph)
    {
        while (start < end && char.IsWhiteSpace(document.Text[start])) start++;
        while (end > start && char.IsWhiteSpace(document.Text[end - 1])) end--;
        if (end > start) document.Sentences.Add(new Sentence(document.Sentences.Count, new TextRange(start, end), paragraph));
    }

    private static bool IsTerminator(char c) => c is '。' or '！' or '？' or '!' or '?' or '；';

    private static bool IsClosingQuote(char c) => c is '”' or '’' or '」' or '』' or '"' or '）' or ')';
}
