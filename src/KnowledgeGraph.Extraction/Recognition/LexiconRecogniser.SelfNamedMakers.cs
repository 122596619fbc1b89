using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// A platform the lexicon knows as a product may act as the company unit that runs it: where it launches a product
/// named after itself (钉钉去年推出的钉钉A1, 飞书推出“飞书智能伙伴”), it is the maker there, not a product.
/// </summary>
public sealed partial class LexiconRecogniser
{
    /// <summary>Verbs of what companies do (recognition/company-acts.txt: 发布, 推出), longest first.</summary>
    private static readonly string[] CompanyActs = LanguageData.EmbeddedWords.List("recognition/company-acts.txt").OrderByDescending(w => w.Length).ToArray();

    /// <summary>How many characters (a time word: 去年, 8月) may stand between the maker's name and its verb.</summary>
    private const int MaxLeadInLength = 4;

    /// <summary>How far after the verb, within its clause, the product's name may begin (发布了AI录音卡片“钉钉A1”).</summary>
    private const int MaxDescriptionLength = 12;

    private const string ClauseStops = "，,。；;：:！？!?\n";

    /// <summary>
    /// Whether the product name at <paramref name="span"/> acts as a maker: a verb of what companies do follows it in its
    /// clause, after at most a short time word, and after the verb, in the same clause, stands a longer name opening with
    /// the same words.
    /// </summary>
    private static bool LaunchesProductNamedAfterIt(string text, TextRange span, TextRange sentence)
    {
        var name = text.AsSpan(span.Start, span.Length);
        for (var verbStart = span.End; verbStart <= span.End + MaxLeadInLength && verbStart < sentence.End; verbStart++)
        {
            if (verbStart > span.End && ClauseStops.Contains(text[verbStart - 1])) return false;
            if (RecognitionData.MatchStartingAt(CompanyActs, text, verbStart, sentence.End) is not { } verb) continue;
            var after = verbStart + verb.Length;
            var limit = Math.Min(sentence.End, after + MaxDescriptionLength);
            for (var at = after; at < limit && !ClauseStops.Contains(text[at]); at++)
            {
                var end = at + name.Length;
                if (end < sentence.End && text.AsSpan(at, name.Length).SequenceEqual(name) && GoesOnAsName(text[end])) return true;
            }
            return false;
        }
        return false;
    }

    /// <summary>A character that carries a name on (钉钉A1, 飞书智能伙伴), not one that closes it.</summary>
    private static bool GoesOnAsName(char c) => char.IsAsciiLetterOrDigit(c) || IsHan(c) && c is not ('的' or '和' or '与' or '及' or '等');
}
