using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class OrganizationNameRecogniser
{
    private readonly HashSet<string> _placeLedEndings = placeLedEndings.Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);

    private readonly HashSet<string> _fundWords = fundWords.Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Endings of a regional fund's or state holding's name (四川省产业引导基金, 无锡产业发展集团).</summary>
    private static readonly HashSet<string> FundEndings = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "fund-endings");

    private const string FundEnding = "基金";
    private const int MaxFundWordsLength = 12;

    private readonly IReadOnlyList<string> _placeInvestorEndings = placeInvestorEndings.Where(e => e.Length > 0).OrderByDescending(e => e.Length).ToList();

    private readonly IReadOnlyList<string> _fundWordsLongestFirst = fundWords.Where(e => e.Length > 0).OrderByDescending(e => e.Length).ToList();

    /// <summary>How many of a fund's words may stand between the place and the investor's ending (苏州高新创投).</summary>
    private const int MaxInvestorQualifiers = 2;

    /// <summary>What makes an investor's ending part of an office instead (国投委).</summary>
    private static readonly string OfficeCharacters = LanguageData.EmbeddedWords.Characters("recognition/organization-words.tsv", "office-characters");

    /// <summary>A city or province with an investor's ending right after it is that place's state investor (广州产投).</summary>
    private void AddInvestorsOfPlaces(Document document)
    {
        var text = document.Text;
        foreach (var place in document.Mentions.Where(m => m.Source == MentionSource.Lexicon && m.Type == "Location").ToList())
        {
            if (InvestorEndAfter(text, place.Range.End) is not { } end) continue;
            if (end < text.Length && OfficeCharacters.Contains(text[end]) || NameGoesOn(text, end)) continue;
            document.Mentions.Add(new Mention(new TextRange(place.Range.Start, end), text[place.Range.Start..end], "Organization", MentionSource.Pattern, PlaceLedConfidence) { Sentence = place.Sentence });
        }
    }

    /// <summary>Where the investor's ending closes, after at most a few of a fund's words (高新, 科创) that qualify it.</summary>
    private int? InvestorEndAfter(string text, int position)
    {
        for (var qualifiers = 0; ; qualifiers++)
        {
            if (RecognitionData.MatchStartingAt(_placeInvestorEndings, text, position, text.Length) is { } ending)
                return position + ending.Length;
            if (qualifiers == MaxInvestorQualifiers
                || RecognitionData.MatchStartingAt(_fundWordsLongestFirst, text, position, text.Length) is not { } qualifier)
                return null;
            position += qualifier.Length;
        }
    }

    /// <summary>A fund's word or an organization's ending after the investor's makes a longer name (杭州城投产业基金).</summary>
    private bool NameGoesOn(string text, int end) =>
        _fundWords.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0)
        || RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, end, text.Length) is not null;

    private const int MinPlaceLedCoreLength = 2;
    private const int MaxPlaceLedCoreLength = 4;
    private const double PlaceLedConfidence = 0.7;

    /// <summary>
    /// A city or province, a short proper name and a field word (杭州灵犀机器人, 北京衡石数据): the way young Chinese
    /// companies are named in news when the legal ending is left out. The field word must close the phrase, so that
    /// 北京极光数据中心 or 深圳机器人产业 name no company.
    /// </summary>
    private void FindPlaceLedNames(Document document, Sentence sentence, List<Token> tokens, Dictionary<int, Mention> places, HashSet<int> mentionStarts)
    {
        for (var first = 0; first < tokens.Count; first++)
        {
            // After a place and 的 (广州的木棉智造, 成都的青稞数智) the place says where the company is: the name starts after 的.
            var placeBefore = PlaceBefore(tokens, first, places);
            var afterOf = placeBefore is null && PlaceAndOfBefore(tokens, first, places);
            if (placeBefore is null && !afterOf) continue;
            var placeStart = placeBefore ?? tokens[first].Range.Start;
            if (!afterOf && FundNameEnd(tokens, first) is { } fundEnd)
            {
                if (DescribesTheNameAfter(document.Text, mentionStarts, tokens, fundEnd + 1)) continue;
                AddPlaceLed(document, sentence, placeStart, tokens[fundEnd].Range.End);
                first = fundEnd;
                continue;
            }
            var coreLength = 0;
            var ending = first;
            while (ending < tokens.Count && coreLength < MaxPlaceLedCoreLength && FieldEndingEnd(document.Text, tokens, ending) is null
                   && IsPlaceLedCoreWord(tokens[ending]) && (ending == first || Touches(tokens[ending - 1], tokens[ending])))
                coreLength += tokens[ending++].Range.Length;
            if (ending >= tokens.Count || ending == first || coreLength < MinPlaceLedCoreLength || FieldEndingEnd(document.Text, tokens, ending) is not var (end, last)
                || !Touches(tokens[ending - 1], tokens[ending]) || end == tokens[last].Range.End && ContinuesAsNoun(tokens, last + 1)
                || end == tokens[last].Range.End && DescribesTheNameAfter(document.Text, mentionStarts, tokens, last + 1)) continue;
            AddPlaceLed(document, sentence, placeStart, end);
            first = last;
        }
    }

    private void AddPlaceLed(Document document, Sentence sentence, int start, int end)
    {
        var surface = document.Slice(start, end);
        if (!data.IsGeneric(surface))
            document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Organization", MentionSource.Pattern, PlaceLedConfidence) { Sentence = sentence.Index });
    }

    /// <summary>
    /// Where the place before token <paramref name="first"/> starts: a place of the lexicon (keyed by where it ends)
    /// or a place name the segmenter knows (苏州, 四川省) that is not itself part of a name found.
    /// </summary>
    private static int? PlaceBefore(List<Token> tokens, int first, Dictionary<int, Mention> places)
    {
        if (places.TryGetValue(tokens[first].Range.Start, out var place)) return place.Range.Start;
        if (first == 0) return null;
        var before = tokens[first - 1];
        return before.Tag == "ns" && before.InDictionary && before.Range.Length is 2 or 3 && Touches(before, tokens[first]) ? before.Range.Start : null;
    }

    /// <summary>
    /// Where a field word opening token <paramref name="at"/> ends (机器人, 数据), and the index of the token it ends in. The
    /// segmenter does not know some fields (数科, 智造) and may split them or glue a particle after them (数科则): the word
    /// is read from the text, and may end one character before its token's end when that character is a function word.
    /// </summary>
    private (int End, int Last)? FieldEndingEnd(string text, List<Token> tokens, int at)
    {
        var token = tokens[at];
        if (_placeLedEndings.Contains(token.Text)) return (token.Range.End, at);
        if (RecognitionData.MatchStartingAt(_placeLedEndingsLongestFirst, text, token.Range.Start, text.Length) is not { } field) return null;
        var end = token.Range.Start + field.Length;
        for (var t = at; t < tokens.Count && (t == at || Touches(tokens[t - 1], tokens[t])); t++)
        {
            if (tokens[t].Range.End == end) return (end, t);
            if (tokens[t].Range.End == end + 1 && tokens[t].Range.Length > 1 && FunctionWords.Contains(text[end].ToString())) return (end, t);
            if (tokens[t].Range.End > end) return null;
        }
        return null;
    }

    private readonly IReadOnlyList<string> _placeLedEndingsLongestFirst = placeLedEndings.Where(e => e.Length > 0).OrderByDescending(e => e.Length).ToList();

    /// <summary>
    /// A place and 的 right before token <paramref name="first"/> (杭州的, 深圳市的): a round-up's way to introduce a young
    /// company by its city. Only a field word closing the name (数据, 智造) makes it one, as after a place alone.
    /// </summary>
    private static bool PlaceAndOfBefore(List<Token> tokens, int first, Dictionary<int, Mention> places)
    {
        if (first == 0 || tokens[first - 1].Text != OfWord || !Touches(tokens[first - 1], tokens[first])) return false;
        return PlaceBefore(tokens, first - 1, places) is not null;
    }

    private const string OfWord = "的";

    /// <summary>The index of the ending (基金, 集团) closing a run of a regional fund's words from <paramref name="first"/> (产业引导基金).</summary>
    private int? FundNameEnd(List<Token> tokens, int first)
    {
        var length = 0;
        var t = first;
        while (t < tokens.Count && length <= MaxFundWordsLength && _fundWords.Contains(tokens[t].Text) && (t == first || Touches(tokens[t - 1], tokens[t])))
            length += tokens[t++].Range.Length;
        if (t == first || t >= tokens.Count || !FundEndings.Contains(tokens[t].Text) || !Touches(tokens[t - 1], tokens[t]) || ContinuesAsNoun(tokens, t + 1)) return null;
        // One word before 集团 describes (阿联酋科技集团); a holding's name has two (无锡产业发展集团).
        return tokens[t].Text.EndsWith(FundEnding, StringComparison.Ordinal) || t - first >= 2 ? t : null;
    }

    /// <summary>Words of the proper name between the place and the field: no place, generic word, verb or particle.</summary>
    private bool IsPlaceLedCoreWord(Token token) =>
        IsNameWord(token) && token.Tag != "ns" && !data.IsGeneric(token.Text) && token.Text.All(IsHan);

    private static bool Touches(Token left, Token right) => left.Range.End == right.Range.Start;

    /// <summary>A noun glued after the field word makes the field a modifier (数据中心, 机器人产业).</summary>
    private static bool ContinuesAsNoun(List<Token> tokens, int next) =>
        next < tokens.Count && Touches(tokens[next - 1], tokens[next]) && tokens[next].Tag is "n" or "vn" or "nz" or "ng" or "x" or "eng" or "k";
}
