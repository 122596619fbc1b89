using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Finds every lexicon name in the text. Latin names must stand as whole words; short Latin names (Pi, xAI)
/// must match their case exactly; short Chinese names must be a whole segmenter word that is not a verb.
/// </summary>
public sealed partial class LexiconRecogniser : IPipelineStage
{
    public const double Confidence = 0.95;

    private readonly NameTrie<LexiconEntry> _trie = new();
    private readonly RecognitionData _data;

    /// <summary>Registered companies' endings (有限公司, 科技有限公司), longest first.</summary>
    private readonly IReadOnlyList<string> _legalEndings;

    private const string LegalEnding = "有限公司";
    private const string LegalLiabilityEnding = "有限责任公司";

    public LexiconRecogniser(Lexicon lexicon, RecognitionData data)
    {
        _data = data;
        _legalEndings = data.OrganizationSuffixes.Where(s => s.EndsWith(LegalEnding, StringComparison.Ordinal) || s.EndsWith(LegalLiabilityEnding, StringComparison.Ordinal)).ToList();
        foreach (var entry in lexicon.Entries)
        foreach (var name in entry.AllNames.Distinct(StringComparer.Ordinal))
        {
            _trie.Add(name, entry);
            if (WithPhaseInDigits(name) is { } digits) _trie.Add(digits, entry);
        }
        _gatedForms = data.GatedShortForms.ToDictionary(f => f.Key,
            f => lexicon.ById(f.Value) ?? throw new InvalidDataException($"gated-short-forms.tsv: {f.Key} names unknown lexicon id {f.Value}"),
            StringComparer.Ordinal);
    }

    /// <summary>The numerals one to nine in order (recognition/number-characters.tsv).</summary>
    private static readonly string PhaseNumerals = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "phase-numerals");

    private const char PhaseCharacter = '期';

    /// <summary>
    /// A fund's phase is written with a numeral or a digit alike (软银愿景基金二期, 软银愿景基金2期): a name with its phase in
    /// numerals is also matched with it in digits.
    /// </summary>
    private static string? WithPhaseInDigits(string name)
    {
        var phase = name.IndexOf(PhaseCharacter);
        if (phase < 2) return null;
        var numeral = PhaseNumerals.IndexOf(name[phase - 1]);
        if (numeral < 0) return null;
        return string.Concat(name.AsSpan(0, phase - 1), (numeral + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), name.AsSpan(phase));
    }

    public void Process(Document document)
    {
        var found = new List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)>();
        foreach (var sentence in document.Sentences)
        {
            // Made for the first name the sentence holds: most positions begin none.
            Dictionary<int, Token>? tokenBoundaries = null;
            var range = sentence.Range;
            for (var i = range.Start; i < range.End; i++)
            {
                if (!_trie.MayBeginAt(document.Text, i, range.End)) continue;
                foreach (var (length, surface, entry) in _trie.MatchesAt(document.Text, i, range.End))
                {
                    var span = new TextRange(i, i + length);
                    tokenBoundaries ??= TokenBoundaries(document, sentence);
                    if (!Acceptable(document.Text, span, surface, tokenBoundaries) || IsPartOfDottedName(document.Text, span, entry)
                        || EndsAnUnknownName(document.Text, span, tokenBoundaries) || BeginsALongerName(document.Text, span, entry, tokenBoundaries)) continue;
                    found.Add((span, entry, sentence));
                    break;
                }
            }
        }
        found.AddRange(ConfirmedShortForms(document, found));
        found = WithLegalNames(document.Text, found);
        var retyped = RetypedInThisArticle(document.Text, found);
        foreach (var (span, entry, sentence) in found)
        {
            if (RecognitionData.TypeFromCues(_data.LexiconTypeCues, document.Text, span.Start, span.End) == RecognitionData.NotAnEntity) continue;
            var surface = document.Slice(span.Start, span.End);
            document.Mentions.Add(retyped.TryGetValue(entry.Id, out var type)
                ? new Mention(span, surface, type, MentionSource.Pattern, 0.8) { Sentence = sentence.Index }
                : new Mention(span, surface, entry.Type, MentionSource.Lexicon, Confidence) { LexiconId = entry.Id, Sentence = sentence.Index });
        }
    }

    /// <summary>
    /// A known company written with its legal ending, and the city of its seat before it (杭州宇树科技有限公司,
    /// 北京智谱华章科技有限公司), is that company under its registered name: the mention takes the whole name.
    /// </summary>
    private List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> WithLegalNames(string text, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found)
    {
        var placesByEnd = new Dictionary<int, int>();
        foreach (var (span, entry, _) in found)
        {
            if (entry.Type == "Location") placesByEnd.TryAdd(span.End, span.Start);
        }
        for (var i = 0; i < found.Count; i++)
        {
            var (span, entry, sentence) = found[i];
            if (entry.Type != "Organization" || RecognitionData.MatchStartingAt(_legalEndings, text, span.End, sentence.Range.End) is not { } ending) continue;
            var start = placesByEnd.TryGetValue(span.Start, out var placeStart) ? placeStart : span.Start;
            found[i] = (new TextRange(start, span.End + ending.Length), entry, sentence);
        }
        return found;
    }

    /// <summary>
    /// Known names that the words around one of their mentions give the other type (Facebook联合创始人 is the
    /// company, AI助手Meta AI the assistant), or that launch a product named after them (钉钉推出钉钉A1: the platform's
    /// company). An article means one thing by a name, so every mention follows.
    /// </summary>
    private Dictionary<string, string> RetypedInThisArticle(string text, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found)
    {
        var retyped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (span, entry, sentence) in found)
        {
            if (entry.Type is not ("Product" or "Organization")) continue;
            if (entry.Type == "Product" && LaunchesProductNamedAfterIt(text, span, sentence.Range)) retyped.TryAdd(entry.Id, "Organization");
            var cued = RecognitionData.TypeFromCues(_data.LexiconTypeCues, text, span.Start, span.End);
            if (cued == "Product" && (RunsOnIntoLatinName(text, span.End) || ActsAsCompany(text, span.End))) continue;
            if (cued is not null && cued != entry.Type && cued != RecognitionData.NotAnEntity) retyped.TryAdd(entry.Id, cued);
        }
        foreach (var (entry, type) in ListedAmongTheOtherType(text, found)) retyped.TryAdd(entry.Id, type);
        return retyped;
    }

    /// <summary>
    /// A known name that more capitalised words follow (AI助手Zoom IQ) opens the longer name of the product the cue
    /// announces: the company keeps its type.
    /// </summary>
    private static bool RunsOnIntoLatinName(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsAsciiLetterUpper(text[end + 1]);

    /// <summary>
    /// A company's cue right after the name (超级应用Grab昨日宣布投资…) says it acts as the company there, whatever
    /// the product's noun before it calls it.
    /// </summary>
    private bool ActsAsCompany(string text, int end) =>
        _data.CueAround(text, end, end) is { Position: CuePosition.After, Type: "Organization" } cue && !_data.WeakCues.Contains(cue.Word);

    /// <summary>
    /// A company's name listed among two or more products and nothing else (整合进Facebook、Instagram、WhatsApp和
    /// Messenger) is its platform there. Not the other way round: a product listed with companies is compared with
    /// them (通义千问与零一万物、百川智能等公司的模型), it does not become one.
    /// </summary>
    private static IEnumerable<(LexiconEntry Entry, string Type)> ListedAmongTheOtherType(string text, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found)
    {
        var ordered = found.OrderBy(f => f.Span.Start).ToList();
        for (var first = 0; first < ordered.Count;)
        {
            var last = first;
            while (last + 1 < ordered.Count && IsListJoiner(text, ordered[last].Span.End, ordered[last + 1].Span.Start)) last++;
            var items = ordered.GetRange(first, last - first + 1);
            var list = items.Select(f => f.Entry).DistinctBy(e => e.Id).ToList();
            if (list.Count >= 3 && list.All(e => e.Type is "Product" or "Organization"))
            {
                var companies = list.Where(e => e.Type == "Organization").ToList();
                if (companies.Count == 1 && items.Where(f => f.Entry == companies[0]).All(f => StandsAsItem(text, f.Span))) yield return (companies[0], "Product");
            }
            first = last + 1;
        }
    }

    /// <summary>
    /// A list item ends where the list goes on or stops: a company's name that more of a name follows (腾讯 of 腾讯广告
    /// in 腾讯会议、企业微信和腾讯广告) is its unit, not the company listed among the products.
    /// </summary>
    private static bool StandsAsItem(string text, TextRange span) =>
        span.End >= text.Length || !IsHan(text[span.End]) || text[span.End] is '和' or '与' or '及' or '以' or '等';

    private static bool IsListJoiner(string text, int end, int start) =>
        start > end && ListJoints.OnlyJoins(text.AsSpan(end, start - end));

    /// <summary>
    /// A known person's short name joined by a middle dot to more of a name (斯里尼瓦斯·纳拉亚南) is part of
    /// another person's name, not that person.
    /// </summary>
    private static bool IsPartOfDottedName(string text, TextRange span, LexiconEntry entry) =>
        entry.Type == "Person" && !text.AsSpan(span.Start, span.Length).Contains('·')
        && (span.End < text.Length && text[span.End] == '·' || span.Start > 0 && text[span.Start - 1] == '·');

    /// <summary>
    /// A known person's two-character name that the segmenter cut from a longer one begins another person's name: a
    /// single character follows that the dictionary knows as a name's or a noun's, not as a function word (陈磊 of 陈磊华,
    /// 高文 of 高文涛; not 雷军给, 张勇也).
    /// </summary>
    private static bool BeginsALongerName(string text, TextRange span, LexiconEntry entry, Dictionary<int, Token> tokens) =>
        entry.Type == "Person" && span.Length == 2 && IsHan(text[span.Start])
        && tokens.TryGetValue(span.End, out var next) && next.Text.Length == 1 && IsHan(next.Text[0])
        && !PersonNameRecogniser.StopCharacters.Contains(next.Text[0]) && IsNameCharacterTag(next.Tag);

    /// <summary>
    /// Tags of characters that go on a given name (华 ns, 明 a, 辉 nr, 林 ng), not function words; zg is left out, as the
    /// dictionary gives it to 仍 (印奇仍将) as well as to 伟.
    /// </summary>
    private static bool IsNameCharacterTag(string tag) => tag.StartsWith('n') || tag is "a" or "ag" or "j";

    /// <summary>The segmenter's words of the sentence by their start.</summary>
    private static Dictionary<int, Token> TokenBoundaries(Document document, Sentence sentence) =>
        document.TokensOf(sentence).ToDictionary(t => t.Range.Start);

    /// <summary>A Latin name ends where a word ends: Baichuan is no name inside Baichuan-7B.</summary>
    private static bool EndsAWord(Dictionary<int, Token> tokens, TextRange span) =>
        tokens.Values.Any(t => t.Range.End == span.End) && tokens.ContainsKey(span.Start);

    /// <summary>A short name that the dictionary knows as a verb (联想 "to associate") is that verb here.</summary>
    private static bool IsVerb(string tag) => tag is "v" or "vn" or "vd";

    private static bool Acceptable(string text, TextRange span, string surface, Dictionary<int, Token> tokenBoundaries)
    {
        var matched = text.AsSpan(span.Start, span.Length);
        var first = matched[0];
        var last = matched[^1];
        if (IsLatin(first) && span.Start > 0 && IsLatin(text[span.Start - 1])) return false;
        if (IsLatin(last) && span.End < text.Length && IsLatin(text[span.End])) return false;
        if (IsLatin(first) && surface.Count(char.IsLetter) <= 3 && !matched.SequenceEqual(surface)) return false;
        if ((IsLatin(first) || IsLatin(last)) && !EndsAWord(tokenBoundaries, span)) return false;
        if (!IsLatin(first) && !IsLatin(last) && span.Length <= 2)
            return tokenBoundaries.TryGetValue(span.Start, out var token) && token.Range.End == span.End && !IsVerb(token.Tag);
        return true;
    }

    /// <summary>
    /// A short known name right after a word the segmenter could only guess (逐光 of 逐光智元) ends another company's
    /// name when the two open a clause as its subject: a company's cue or a title follows (逐光智元完成…融资, 逐光智元CEO).
    /// The guessed word holds no particle or function character (这是 of 这是谷歌成立以来); without the cue after it, a
    /// verb the segmenter did not know (转投苹果) stays a verb.
    /// </summary>
    private bool EndsAnUnknownName(string text, TextRange span, Dictionary<int, Token> tokens)
    {
        if (span.Length > 2 || !IsHan(text[span.Start])) return false;
        var before = tokens.Values.FirstOrDefault(t => t.Range.End == span.Start);
        if (before is null || before.InDictionary || before.Text.Length < 2 || !before.Text.All(c => IsHan(c) && !PersonNameRecogniser.StopCharacters.Contains(c))) return false;
        var opening = tokens.Values.FirstOrDefault(t => t.Range.End == before.Range.Start);
        if (opening is not null && opening.Tag != "w") return false;
        var cue = _data.CueAround(text, span.End, span.End);
        return cue is { Position: CuePosition.After, Type: "Organization" } && string.CompareOrdinal(text, span.End, cue.Word, 0, cue.Word.Length) == 0
               || RecognitionData.MatchStartingAt(_data.Titles, text, span.End, text.Length) is not null;
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
