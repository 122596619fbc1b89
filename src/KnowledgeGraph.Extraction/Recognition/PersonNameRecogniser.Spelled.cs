using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class PersonNameRecogniser
{
    private const int MaxSpelledNameLength = 8;
    private const int MinSpelledWords = 2;
    private const int MaxSpelledWords = 4;

    /// <summary>
    /// A name in Chinese characters whose personal name in Latin letters follows in brackets (岛田明（Akira Shimada）,
    /// 朴成贤（Park Sunghyun）, 加文·乌贝蒂（Gavin Uberti）, 韩凯（Hannes Hallmann，音译）): the bracket bounds the name,
    /// so Japanese and Korean names, whose surnames and lengths the Chinese rules do not know, are found whole. Asked
    /// where a name is expected (after a title, after 由 of a founding, in a list of names).
    /// </summary>
    private TextRange? NameBoundedBySpelling(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && end - start <= MaxSpelledNameLength && (IsHan(text[end]) || text[end] == '·' && end > start)) end++;
        if (end - start < 2 || end - start > MaxSpelledNameLength || end >= limit || text[end] is not ('（' or '(') || text[end - 1] == '·') return null;
        if (!IsPersonalSpelling(text, end + 1, limit)) return null;
        // A title inside the run is not part of the name: 首席执行官彭胜 read from 首席, 、总裁桑尼·马德拉 from the list mark.
        start = SkipTitleNameGap(text, AfterIntroducer(text, start, end), end);
        return end - start >= 2 && text[start] != '·' ? new TextRange(start, end) : null;
    }

    /// <summary>Past what stands between a title and the name after it (负责人的小池淳义, 首席规划官伊万): 的 or the end of the post.</summary>
    private static int SkipTitleNameGap(string text, int start, int end)
    {
        while (start < end - 1 && TitleNameGaps.Contains(text[start])) start++;
        return start;
    }

    private static readonly string TitleNameGaps = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "title-name-gaps");

    /// <summary>
    /// The same where no title stands before the name to end a description of the person (由华人创业者乔琳（Lin Qiao）创办):
    /// the name must not open with a common word of the dictionary (华人, 知名).
    /// </summary>
    private TextRange? UndescribedNameBoundedBySpelling(string text, int start, int limit) =>
        NameBoundedBySpelling(text, start, limit) is { } name && IsNameTag(dictionary.DictionaryTag(text.Substring(name.Start, 2))) ? name : null;

    /// <summary>
    /// Two to four capitalised Latin words and then the bracket's end or a comma (a note such as 音译 may follow):
    /// a person's name as news spells it. Acronyms and lower-case words (AI, NTT, of) belong to other names.
    /// </summary>
    private static bool IsPersonalSpelling(string text, int start, int limit)
    {
        var words = 0;
        var position = start;
        while (position < limit)
        {
            if (!char.IsAsciiLetterUpper(text[position])) return false;
            var wordStart = position++;
            while (position < limit && (char.IsAsciiLetterLower(text[position]) || text[position] is '-' or '\'')) position++;
            if (position - wordStart < 2 || !char.IsAsciiLetterLower(text[wordStart + 1])) return false;
            words++;
            if (position >= limit) return false;
            if (text[position] == ' ') { position++; continue; }
            return words is >= MinSpelledWords and <= MaxSpelledWords && text[position] is '）' or ')' or '，' or ',';
        }
        return false;
    }
}
