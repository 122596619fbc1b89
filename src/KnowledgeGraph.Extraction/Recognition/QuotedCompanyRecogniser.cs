using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Small companies named in quotes after what they are: 一家做车牌识别的小公司“眼界视觉”, 小团队“猪博士”, 客服公司“A”与“B”,
/// or named first and described after (一家名为“小熊芯动”的小公司). The quotes and the company's noun
/// (recognition/quoted-company-heads.txt) say that the words are a company's name, however common they are; a quoted
/// name joined to one so found (“A”与“B”) is a company too.
/// </summary>
public sealed class QuotedCompanyRecogniser(RecognitionData data, IReadOnlyCollection<string> heads) : IPipelineStage
{
    private readonly IReadOnlyList<string> _heads = heads.Where(h => h.Length > 0).OrderByDescending(h => h.Length).ToList();

    private const int MinNameLength = 2;
    private const int MaxNameLength = 8;
    private const double QuotedConfidence = 0.7;

    /// <summary>Words that name what follows in quotes (名为“X”的公司).</summary>
    private static readonly string[] NamingWords = LanguageData.EmbeddedWords.List("recognition/naming-words.tsv", "quoted-companies");

    /// <summary>How many characters of description may stand between 的 and the company's noun (的AI初创公司).</summary>
    private const int MaxDescriptionAfterName = 4;

    /// <summary>What joins the next quoted name of a list to one found (“A”与“B”, “A”、“B”).</summary>
    private static readonly string ListJoints = LanguageData.EmbeddedWords.Characters("recognition/list-joiners.tsv", "quoted-names");

    public void Process(Document document)
    {
        var text = document.Text;
        if (text.IndexOf('“') < 0) return;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            var open = text.IndexOf('“', sentence.Range.Start, sentence.Range.Length);
            var previousClose = -1;
            while (open >= 0)
            {
                var close = text.IndexOf('”', open + 1, Math.Min(MaxNameLength + 1, sentence.Range.End - open - 1));
                if (close < 0) break;
                var name = new TextRange(open + 1, close);
                var listed = previousClose >= 0 && open - previousClose == 2 && ListJoints.Contains(text[previousClose + 1]);
                previousClose = -1;
                if (IsName(text, name) && !HoldsCommonPhrase(document, sentence, name)
                    && (listed || HeadBefore(text, open) || NamedAndDescribed(text, open, close, sentence.Range.End)))
                {
                    var found = named.Overlapping(name);
                    // A product guessed from the quotes alone (名为“X”的…也推出了) yields to the company's noun.
                    foreach (var guess in found.Where(m => m is { Source: MentionSource.Pattern, Type: "Product" } && m.Range.Equals(name)).ToList())
                    {
                        document.Mentions.Remove(guess);
                        named.Remove(guess);
                    }
                    found = named.Overlapping(name);
                    if (found.Count == 0)
                    {
                        var mention = new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, QuotedConfidence) { Sentence = sentence.Index };
                        document.Mentions.Add(mention);
                        named.Add(mention);
                        previousClose = close;
                    }
                    else if (found.All(m => m.Type == "Organization")) previousClose = close;
                }
                var next = close + 1;
                open = next < sentence.Range.End ? text.IndexOf('“', next, sentence.Range.End - next) : -1;
            }
        }
    }

    /// <summary>Chinese characters (and Latin letters among them) that are no generic word (“AI工厂” is).</summary>
    private bool IsName(string text, TextRange name)
    {
        if (name.Length < MinNameLength || name.Length > MaxNameLength || !IsHan(text[name.Start])) return false;
        for (var i = name.Start; i < name.End; i++)
        {
            if (!IsHan(text[i]) && !char.IsAsciiLetterOrDigit(text[i])) return false;
        }
        return !data.IsGeneric(text[name.Start..name.End]);
    }

    /// <summary>
    /// A company's noun right before the quote, not one that points back (该公司“出海”战略, 这家公司“…”: the quotes then
    /// hold a slogan or a word of the company's).
    /// </summary>
    private bool HeadBefore(string text, int open)
    {
        if (RecognitionData.MatchEndingAt(_heads, text, open) is not { } head) return false;
        var before = open - head.Length;
        if (before == 0) return true;
        var pointing = text[before - 1] == Counter && before >= 2 ? text[before - 2] : text[before - 1];
        return !PointingCharacters.Contains(pointing);
    }

    /// <summary>Characters that point back to a company named before when they stand before its noun (该, 这家, 本, 其).</summary>
    private static readonly string PointingCharacters = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "pointing-characters");

    private const char Counter = '家';

    /// <summary>
    /// The quotes hold a word of two characters or more that the dictionary knows as other than a name's word (a verb,
    /// an adverb, a pronoun, a number or a set phrase): a slogan or a saying (“出海”, “会选择A股”, “降本增效”), no name.
    /// Single characters may be anything: coined names are often cut into them (星辰 数 智).
    /// </summary>
    private static bool HoldsCommonPhrase(Document document, Sentence sentence, TextRange name)
    {
        foreach (var token in document.TokensOf(sentence))
        {
            if (token.Range.Start < name.Start) continue;
            if (token.Range.Start >= name.End) break;
            if (token.Text.Length >= 2 && token.InDictionary && token.Tag is "v" or "vd" or "d" or "ad" or "p" or "c" or "u" or "r" or "m" or "q" or "t" or "f" or "i" or "l")
                return true;
        }
        return false;
    }

    /// <summary>名为“X”的 and a company's noun within a few characters after 的.</summary>
    private bool NamedAndDescribed(string text, int open, int close, int sentenceEnd)
    {
        if (!NamingWords.Any(w => open >= w.Length && string.CompareOrdinal(text, open - w.Length, w, 0, w.Length) == 0)) return false;
        var at = close + 1;
        if (at >= sentenceEnd || text[at] != '的') return false;
        for (var start = at + 1; start <= at + 1 + MaxDescriptionAfterName && start < sentenceEnd; start++)
        {
            if (RecognitionData.MatchStartingAt(_heads, text, start, sentenceEnd) is not null) return true;
            if (text[start] is '，' or '。' or '；') return false;
        }
        return false;
    }

}
