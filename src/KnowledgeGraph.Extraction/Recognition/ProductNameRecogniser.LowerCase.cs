using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class ProductNameRecogniser
{
    /// <summary>
    /// A Latin name written in lower case right after a product noun or right before one, perhaps with a few words that
    /// describe it before the noun (向量模型jina-embeddings, 大语言模型dots.llm1, 操作系统rabbit OS, video-01视频模型):
    /// open-source projects name their models so. Without a capital the name must be joined (a hyphen or dot inside), hold
    /// a digit, or go on with a capitalised word (rabbit OS); a bare word (模型pro) and an edition with its size (pro-32k)
    /// are a variant of the product before, not a name.
    /// </summary>
    private void FindLowerCaseLatinNames(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var at = sentence.Range.Start + 1; at < sentence.Range.End - 1; at++)
        {
            // Only a lower-case letter right after a Chinese character opens such a name: a cheap test before anything else.
            if (!char.IsAsciiLetterLower(text[at]) || !HanCharacters.IsHan(text[at - 1])) continue;
            var end = LatinRunEnd(text, at, sentence.Range.End);
            var afterNoun = RecognitionData.MatchEndingAt(data.ProductCues, text, at) is not null;
            var beforeNoun = KindLeadAfter(text, end, sentence.Range.End) is not null;
            if ((afterNoun || beforeNoun) && IsLowerCaseName(text, at, end, out var nameEnd)) Add(document, sentence, at, nameEnd, 0.75);
            at = end;
        }
    }

    /// <summary>Where the run of Latin letters, digits and joiners (-, ., _) from <paramref name="start"/> ends, a trailing joiner left out.</summary>
    private static int LatinRunEnd(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.' or '_')) end++;
        while (end > start && text[end - 1] is '-' or '.' or '_') end--;
        return end;
    }

    /// <summary>
    /// Whether the lower-case run is a name: joined or numbered, or followed by capitalised words (rabbit OS), which then end
    /// the name at <paramref name="nameEnd"/>; not an edition word and its size.
    /// </summary>
    private static bool IsLowerCaseName(string text, int start, int end, out int nameEnd)
    {
        nameEnd = end;
        var run = text.AsSpan(start, end - start);
        var firstPart = run[..(run.IndexOfAny("-._") is var joint and >= 0 ? joint : run.Length)];
        if (LowerCaseEditions.Contains(firstPart.ToString()) || IsWebAddress(run)) return false;
        if (run.Length >= 3 && (run.IndexOfAny("-._") > 0 || run.IndexOfAnyInRange('0', '9') > 0)) return true;
        // rabbit OS: a capitalised word after a space goes on with the name.
        var next = end;
        while (next + 1 < text.Length && text[next] == ' ' && char.IsAsciiLetterUpper(text[next + 1]))
        {
            next = LatinRunEnd(text, next + 1, text.Length);
            nameEnd = next;
        }
        return nameEnd > end && run.Length >= 3;
    }

    private static readonly HashSet<string> LowerCaseEditions =
        new(LanguageData.EmbeddedWords.List("recognition/english-name-words.tsv", "edition-words"), StringComparer.OrdinalIgnoreCase);

    /// <summary>A web address (github.com, kimi.ai) ends in a dot and two or three letters: a site, not a model.</summary>
    private static bool IsWebAddress(ReadOnlySpan<char> run) =>
        run.LastIndexOf('.') is var dot and > 0 && run.Length - dot - 1 is 2 or 3 && !run[(dot + 1)..].ContainsAnyInRange('0', '9');
}
