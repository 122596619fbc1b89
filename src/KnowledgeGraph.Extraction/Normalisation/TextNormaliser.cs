using System.Text;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Normalisation;

/// <summary>
/// Folds full-width ASCII to half-width, odd spaces to a plain space, name separators to the middle dot, and
/// joins lines broken inside a sentence, remembering for every character where it stood in the article.
/// </summary>
public sealed class TextNormaliser : IPipelineStage
{
    public void Process(Document document)
    {
        var source = document.Article.Text;
        var text = new StringBuilder(source.Length);
        // Filled in place and shortened only when characters were dropped: a list and its copy cost two maps of a long article.
        var map = new int[source.Length + 1];
        var count = 0;
        var headerEnd = HeaderEnd(source, document.Article.Title);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\r') continue;
            if (c == '\n' && i > headerEnd && IsSoftBreak(source, i)) continue;
            text.Append(Fold(c));
            map[count++] = i;
        }
        map[count++] = source.Length;
        if (count < map.Length) Array.Resize(ref map, count);
        document.Text = text.ToString();
        document.OriginalIndex = map;
    }

    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' when !IsChinesePunctuation(c) => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200A' or '\u202F' or '\u205F' or '\t' => ' ',
        '\u200B' or '\uFEFF' => ' ',
        '\u30FB' or '\u2022' or '\u2027' or '\u2219' or '\u22C5' or '\uFF65' or '\u0387' => '\u00B7',
        _ => c,
    };

    /// <summary>Chinese clause punctuation stays full-width: patterns and the sentence splitter rely on it.</summary>
    private static bool IsChinesePunctuation(char c) => c is '，' or '！' or '？' or '；' or '：' or '（' or '）';

    /// <summary>
    /// Where the line holding the title ends: a date line and a title carry no closing punctuation, yet each is a
    /// line of its own, never the start of the first sentence.
    /// </summary>
    private static int HeaderEnd(string source, string? title)
    {
        if (string.IsNullOrEmpty(title)) return -1;
        var titleStart = source.IndexOf(title, StringComparison.Ordinal);
        if (titleStart < 0 || titleStart > HeaderSearchLimit) return -1;
        var lineEnd = source.IndexOf('\n', titleStart + title.Length);
        return lineEnd < 0 ? source.Length : lineEnd;
    }

    /// <summary>The title is looked for only near the start: an HTML or JSON title repeated deep in the body is not a header.</summary>
    private const int HeaderSearchLimit = 200;

    /// <summary>
    /// A single line break between two letters of one sentence is a wrap, not a paragraph end. Between two Latin
    /// letters or digits it stays: Latin words are never written together, so joining them would make one name of
    /// a byline and a headline (公众号 QbitAI / Meta又出手了) or of a name and a date (执掌Grammarly / 12月17日).
    /// </summary>
    private static bool IsSoftBreak(string text, int index)
    {
        if (index == 0 || index + 1 >= text.Length) return false;
        var before = text[index - 1] == '\r' && index >= 2 ? text[index - 2] : text[index - 1];
        var after = text[index + 1];
        return IsWordCharacter(before) && IsWordCharacter(after) && !IsSentenceEnd(before) && !(char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after))
            && !OpensWithSectionMark(text, index) && !ListItemMarker.StartsAt(text, index + 1) && !IsHeadline(text, index);
    }

    /// <summary>
    /// The line ending at <paramref name="lineBreak"/> opens with a section mark (【融资】, ▍): a round-up's headline,
    /// a statement of its own even without closing punctuation, never the start of the paragraph under it.
    /// </summary>
    private static bool OpensWithSectionMark(string text, int lineBreak)
    {
        var lineStart = text.LastIndexOf('\n', lineBreak - 1) + 1;
        while (lineStart < lineBreak && char.IsWhiteSpace(text[lineStart])) lineStart++;
        return lineStart < lineBreak && SectionMarks.Contains(text[lineStart]);
    }

    private const string SectionMarks = "【▍■◆●▶";

    /// <summary>
    /// A wrapped line is as long as the lines after it (they share one width; only a paragraph's last line is
    /// shorter). A line clearly shorter than the next is a headline of its own: the items of a round-up
    /// (「星海芯算完成5亿元C轮融资」 over the paragraph about it) are not the first words of their paragraphs.
    /// </summary>
    private static bool IsHeadline(string text, int lineEnd)
    {
        var lineStart = text.LastIndexOf('\n', lineEnd - 1) + 1;
        var nextEnd = text.IndexOf('\n', lineEnd + 1);
        var before = lineEnd - lineStart;
        var after = (nextEnd < 0 ? text.Length : nextEnd) - lineEnd - 1;
        return (before + HeadlineSlack) * 5 < after * 4;
    }

    /// <summary>Wrapped lines differ by a few characters where half-width letters and digits mix with Chinese.</summary>
    private const int HeadlineSlack = 8;

    private static bool IsWordCharacter(char c) => c is >= '\u4E00' and <= '\u9FFF' || char.IsLetterOrDigit(c) || c is '，' or ',' or '、';

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?';
}
