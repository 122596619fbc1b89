using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// An unknown Chinese name followed by its Latin spelling in brackets (衡石数据（英文名Hengshi Data）, 星瀚半导体
/// （Xinghan Semi）): news writes a company's or a product's other spelling so only for names. The Chinese name is
/// the run of name-like words that opens its clause right before the bracket; it takes the type of the Latin
/// name where that was recognised, and is an organization where it ends like one (数据, 机器人, 科技) or a label
/// (英文名) introduces the spelling. The resolver then joins the two spellings into one entity.
/// </summary>
public sealed class BracketedSpellingRecogniser(RecognitionData data, JiebaTokenizer dictionary, IReadOnlyCollection<string> spellingLabels, IReadOnlyCollection<string> fieldEndings) : IPipelineStage
{
    private const int MinNameLength = 2;
    private const int MaxNameLength = 8;
    private const double BracketedConfidence = 0.6;

    private readonly IReadOnlyList<string> _labels = spellingLabels.Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    private readonly IReadOnlyList<string> _fieldEndings = fieldEndings.Where(l => l.Length > 0).OrderByDescending(l => l.Length).ToList();

    /// <summary>What may stand right before the name: the clause's start, a mark, or a word that opens a subject.</summary>
    private static readonly HashSet<string> Openers = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "spelling-openers");

    public void Process(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            // Most sentences have no bracket: they are not tokenised into a list at all.
            if (text.AsSpan(sentence.Range.Start, sentence.Range.Length).IndexOfAny('（', '(') < 0) continue;
            var tokens = document.TokensOf(sentence).ToList();
            for (var b = 1; b < tokens.Count - 1; b++)
            {
                if (tokens[b].Text is not ("（" or "(")) continue;
                if (SpellingType(document, named, tokens[b].Range.End, sentence.Range.End) is not { } spelled) continue;
                if (spelled.Type != "Person" && !SpellsKnownCompany(named, tokens[b].Range.End)
                    && NameAfterProductNoun(text, tokens, b) is { } productName && named.Overlapping(productName).Count == 0)
                {
                    var product = new Mention(productName, text[productName.Start..productName.End], "Product", MentionSource.Pattern, BracketedConfidence) { Sentence = sentence.Index };
                    document.Mentions.Add(product);
                    named.Add(product);
                    AddUnreadSpelling(document, named, sentence, tokens[b].Range.End);
                    continue;
                }
                if (NameBefore(text, tokens, b) is not { } name || named.Overlapping(name).Count > 0) continue;
                var type = spelled.Type ?? (EndsLikeAnOrganization(text, name) ? "Organization" : null);
                if (type is null || data.IsGeneric(text[name.Start..name.End])) continue;
                var mention = new Mention(name, text[name.Start..name.End], type, MentionSource.Pattern, BracketedConfidence) { Sentence = sentence.Index };
                document.Mentions.Add(mention);
                named.Add(mention);
            }
        }
    }

    /// <summary>
    /// The bracket's content when it is a Latin spelling: a label and then anything, or a Latin name alone; with the
    /// type of the mention recognised there, if any (null Type: a spelling of unknown type).
    /// </summary>
    private (string? Type, bool Labelled)? SpellingType(Document document, MentionSpans named, int inside, int limit)
    {
        var text = document.Text;
        var label = RecognitionData.MatchStartingAt(_labels, text, inside, limit);
        var labelled = label is not null;
        var start = inside + (label?.Length ?? 0);
        while (start < limit && text[start] is '：' or ':' or ' ' or '为') start++;
        if (start >= limit || !char.IsAsciiLetter(text[start])) return null;
        var end = start;
        while (end < limit && text[end] is not ('）' or ')' or '，' or ',' or '；' or '、')) end++;
        if (end >= limit || end - start > MaxSpellingLength || text.AsSpan(start, end - start).ContainsAnyInRange('\u2E80', '\uFFFF')) return null;
        var inner = named.Overlapping(new TextRange(start, end)).FirstOrDefault(m => m.Type is "Organization" or "Product");
        if (inner is null && !labelled && !char.IsAsciiLetterUpper(text[start])) return null;
        return (inner?.Type, labelled);
    }

    private const int MaxSpellingLength = 40;

    /// <summary>The name-like words that end right before the bracket at token <paramref name="bracket"/> and open their clause.</summary>
    private TextRange? NameBefore(string text, List<Token> tokens, int bracket)
    {
        var end = tokens[bracket].Range.Start;
        var proper = false;
        for (var t = bracket - 1; t >= 0; t--)
        {
            var token = tokens[t];
            if (t < bracket - 1 && token.Range.End != tokens[t + 1].Range.Start) return null;
            if (!token.Text.All(IsHan) || !IsNameWord(token)) return null;
            if (end - token.Range.Start > MaxNameLength) return null;
            proper |= !token.InDictionary || token.Tag is "nz" or "nt" or "nr" or "nrt" or "j" or "x" || dictionary.IsRareWord(token.Text)
                      || token.Text.Length == 1 && t + 1 < bracket && tokens[t + 1].Text.Length == 1;
            var opens = t == 0 || tokens[t - 1].Tag == "w" || Openers.Contains(tokens[t - 1].Text) || data.PersonIntroducerBefore(text, token.Range.Start) is null && IsDescriptionHead(tokens[t - 1]);
            if (opens) return proper && end - token.Range.Start >= MinNameLength ? new TextRange(token.Range.Start, end) : null;
        }
        return null;
    }

    /// <summary>
    /// The Chinese name right before the bracket at token <paramref name="bracket"/> that a product noun announces
    /// (数学大模型九章（MathGPT）, 深度学习框架天元（MegEngine））: whole name words from the noun's end to the bracket.
    /// The spelling in brackets is then the product's other name, whatever its shape alone made it.
    /// </summary>
    private TextRange? NameAfterProductNoun(string text, List<Token> tokens, int bracket)
    {
        var end = tokens[bracket].Range.Start;
        for (var t = bracket - 1; t >= 0 && end - tokens[t].Range.Start <= MaxAnnouncedNameLength; t--)
        {
            var token = tokens[t];
            if (t < bracket - 1 && token.Range.End != tokens[t + 1].Range.Start) return null;
            if (!token.Text.All(IsHan) || token.InDictionary && NotNameTags.Contains(token.Tag) || data.IsGeneric(token.Text)) return null;
            var cue = RecognitionData.MatchEndingAt(data.ProductCues, text, token.Range.Start);
            if (cue is { Length: >= MinAnnouncingCue } && end - token.Range.Start >= MinNameLength) return new TextRange(token.Range.Start, end);
        }
        return null;
    }

    private const int MaxAnnouncedNameLength = 5;

    /// <summary>
    /// The spelling is a company's by more than its shape (a known company, or words of a company: Siemens Digital
    /// Industries Software after 工业软件业务): the bracket names a business, not a product.
    /// </summary>
    private static bool SpellsKnownCompany(MentionSpans named, int inside) =>
        named.Overlapping(new TextRange(inside, inside + 1)).Any(m => m.Type == "Organization" && (m.Source == MentionSource.Lexicon || m.Confidence > ShapeOnlyConfidence));

    /// <summary>The confidence of a Latin name typed by its shape alone (EnglishNameRecogniser).</summary>
    private const double ShapeOnlyConfidence = 0.5;

    /// <summary>A product's Latin spelling no recogniser read (银河（Galaxy）) is read as the product's, to be joined with it.</summary>
    private static void AddUnreadSpelling(Document document, MentionSpans named, Sentence sentence, int inside)
    {
        var text = document.Text;
        var close = text.IndexOfAny(['）', ')'], inside, sentence.Range.End - inside);
        if (close <= inside || !char.IsAsciiLetter(text[inside]) || !char.IsAsciiLetterOrDigit(text[close - 1])) return;
        var range = new TextRange(inside, close);
        if (named.Overlapping(range).Count > 0 || text.AsSpan(inside, close - inside).ContainsAnyInRange('\u2E80', '\uFFFF')) return;
        var spelling = new Mention(range, text[inside..close], "Product", MentionSource.Pattern, BracketedConfidence) { Sentence = sentence.Index };
        document.Mentions.Add(spelling);
        named.Add(spelling);
    }

    /// <summary>Words that act, describe, point or join (表现, 主要, 其) are the sentence going on, not a name.</summary>
    private static readonly HashSet<string> NotNameTags = ["v", "vd", "vn", "a", "ad", "an", "d", "p", "c", "u", "uj", "ul", "r", "f", "t", "q", "y"];

    /// <summary>One-character product nouns (机, 车) end too many words to announce a name.</summary>
    private const int MinAnnouncingCue = 2;

    /// <summary>A noun that says what the name is (公司, 企业, 机器人) may stand right before it: 初创公司衡石数据（…）.</summary>
    private bool IsDescriptionHead(Token token) => data.IsGeneric(token.Text) && token.Tag is "n" or "vn" or "nz";

    private bool IsNameWord(Token token) =>
        (token.Text.Length == 1 || !data.IsGeneric(token.Text) || RecognitionData.MatchStartingAt(_fieldEndings, token.Text, 0, token.Text.Length) is not null)
        && !(token.Text.Length == 1 && PersonNameRecogniser.StopCharacters.Contains(token.Text[0]))
        && (!token.InDictionary || token.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "ng" or "b" or "l" or "vn");

    /// <summary>An organization's ending or a young company's field word (数据, 机器人) closes the name.</summary>
    private bool EndsLikeAnOrganization(string text, TextRange name) =>
        RecognitionData.MatchEndingAt(data.OrganizationSuffixes, text, name.End) is not null
        || RecognitionData.MatchEndingAt(_fieldEndings, text, name.End) is not null;

}
