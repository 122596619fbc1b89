using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Round-ups of small companies give each its own section under a heading of its name and a subtitle (北垦智农：黑土地上的无人机,
/// 沂蒙云链：一个App管住一条街), then tell of it under that name (王彩霞创办的沂蒙云链做的是…). A short line of its own that opens
/// with a coined Chinese name and a colon, the name written again further on, names a company; every place the text writes it
/// is then that company. A heading of one word the dictionary knows (难题：, 小结：) or of a phrase with a verb, a particle or a
/// time (县城里的AI创业者：) names none; nor does one a recogniser has already read in full (a person's name: 黄仁勋：).
/// </summary>
public sealed class HeadingNameRecogniser(RecognitionData data) : IPipelineStage
{
    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;

    /// <summary>Longer lines are paragraphs, not headings (as for <see cref="Normalisation.ArticleItems"/>).</summary>
    private const int MaxHeadingLength = 40;

    private const double HeadingConfidence = 0.7;

    private const int MaxPersonNameLength = 3;

    public void Process(Document document)
    {
        var text = document.Text;
        if (text.IndexOf('：') < 0) return;
        List<string>? names = null;
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Start == 0 || paragraph.Length > MaxHeadingLength) continue;
            var colon = text.IndexOf('：', paragraph.Start, Math.Min(MaxNameLength + 1, paragraph.Length));
            if (colon < paragraph.Start + MinNameLength || colon + 1 >= paragraph.End) continue;
            var name = new TextRange(paragraph.Start, colon);
            if (!IsCoinedName(document, name)) continue;
            var surface = text[name.Start..name.End];
            if (text.IndexOf(surface, paragraph.End, StringComparison.Ordinal) < 0 || IsFamilyNameOfDottedName(text, surface)) continue;
            (names ??= []).Add(surface);
        }
        if (names is null) return;
        var named = new MentionSpans(document.Mentions);
        foreach (var surface in names)
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
            {
                var range = new TextRange(at, at + surface.Length);
                if (!ReplacesGuesses(document, named, range)) continue;
                var mention = new Mention(range, surface, "Organization", MentionSource.Pattern, HeadingConfidence) { Sentence = document.SentenceContaining(at)?.Index ?? -1 };
                document.Mentions.Add(mention);
                named.Add(mention);
            }
        }
    }

    /// <summary>
    /// Mentions guessed inside the name (云禾 of 云禾智能 read as a person) give way to it; a mention reaching beyond it
    /// (广州麦穗语音 of 麦穗语音), one equal to it (read already) or a known name keeps its place.
    /// </summary>
    private static bool ReplacesGuesses(Document document, MentionSpans named, TextRange range)
    {
        var found = named.Overlapping(range);
        if (found.Any(m => m.Source != MentionSource.Pattern || m.Range.Start < range.Start || m.Range.End > range.End || m.Range.Equals(range))) return false;
        foreach (var guess in found)
        {
            document.Mentions.Remove(guess);
            named.Remove(guess);
        }
        return true;
    }

    /// <summary>
    /// Chinese characters that are no generic word, no single word of the dictionary (难题, 背景) and hold no word of two
    /// characters or more that is a verb, an adverb, a particle, a pronoun, a time, a direction or a set phrase.
    /// </summary>
    private bool IsCoinedName(Document document, TextRange name)
    {
        var text = document.Text;
        for (var i = name.Start; i < name.End; i++)
        {
            if (text[i] is < '\u4E00' or > '\u9FFF') return false;
        }
        var surface = text[name.Start..name.End];
        // A short heading opening with a surname is more likely a person's name a recogniser missed (乔思蓉：).
        if (data.IsGeneric(surface) || surface.Length <= MaxPersonNameLength && data.StartsWithSurname(surface) || EndsInEventNoun(surface)) return false;
        var first = document.TokenStartingAt(name.Start);
        if (first is null || first.Range.End == name.End && first.InDictionary) return false;
        var index = document.Tokens.IndexOf(first);
        for (var t = index; t < document.Tokens.Count && document.Tokens[t].Range.Start < name.End; t++)
        {
            var token = document.Tokens[t];
            if (token.Range.End > name.End) return false;
            if (token.Text.Length >= 2 && token.InDictionary
                && token.Tag is "v" or "vd" or "d" or "ad" or "p" or "c" or "u" or "r" or "t" or "f" or "i" or "l" or "y") return false;
            if (token.Text.Length == 1 && token.Tag is "u" or "p" or "c" or "r" or "y") return false;
        }
        return true;
    }

    /// <summary>
    /// A heading's name that the text writes elsewhere as the last part of a dotted name (厄姆森： where it tells of
    /// 克里斯·厄姆森, 哈萨尼： answering where 拉明·哈萨尼 is introduced) is that person's family name: a feature's section
    /// on the person or the label of an interview's answers, not a company.
    /// </summary>
    private static bool IsFamilyNameOfDottedName(string text, string surface) => text.Contains('·' + surface, StringComparison.Ordinal);

    /// <summary>An event, a meeting or a contest (百镜大战, 开发者大会: head nouns of no entity) names no company.</summary>
    private bool EndsInEventNoun(string surface)
    {
        foreach (var (type, noun) in data.HeadNouns)
        {
            if (type == RecognitionData.NotAnEntity && surface.Length > noun.Length && surface.EndsWith(noun, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
