using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Organizations the lexicon does not know, from a proper name followed by an organization ending
/// (生数科技, 月之暗面科技有限公司, 北京智源研究院). Generic heads (AI初创公司, 大模型公司) are not names, and
/// a name never reaches into one already recognised (华为向澜渊科技 is 澜渊科技).
/// </summary>
public sealed partial class OrganizationNameRecogniser(RecognitionData data, JiebaTokenizer dictionary, Lexicon lexicon, IReadOnlyCollection<string> placeLedEndings, IReadOnlyCollection<string> fundWords,
    IReadOnlyCollection<string> placeInvestorEndings) : IPipelineStage
{
    private static readonly HashSet<string> FunctionWords = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "organization-function-words");

    private const int MaxNameLength = 10;

    public void Process(Document document)
    {
        AddSubOrganizationsOfKnownOnes(document);
        AddRegionalArmsOfLatinNames(document);
        AddInvestorsOfPlaces(document);
        var known = new System.Collections.BitArray(document.Text.Length);
        foreach (var mention in document.Mentions)
        {
            for (var i = mention.Range.Start; i < mention.Range.End; i++) known[i] = true;
        }
        var mentionStarts = document.Mentions.Select(m => m.Range.Start).ToHashSet();
        var places = PlacesByEnd(document);
        foreach (var sentence in document.Sentences)
        {
            var tokens = document.TokensOf(sentence).Where(t => !known[t.Range.Start] && !known[t.Range.End - 1] || IsSuffix(t.Text)).ToList();
            foreach (var institution in tokens.Where(IsDictionaryInstitution))
                document.Mentions.Add(new Mention(institution.Range, institution.Text, "Organization", MentionSource.Pattern, 0.6) { Sentence = sentence.Index });
            for (var t = 0; t < tokens.Count; t++)
            {
                var suffixEnd = SuffixRunEnd(document.Text, tokens, t);
                if (suffixEnd <= t || ContinuesAsAnotherWord(tokens, suffixEnd) || DescribesTheNameAfter(document.Text, mentionStarts, tokens, suffixEnd)
                    || StartsACompound(document.Text, tokens[t])) continue;
                var nameStart = NameStart(tokens, t, places);
                if (nameStart == t && CommonWordCoreBefore(document.Text, tokens, t, suffixEnd) is { } core) nameStart = core;
                if (nameStart < t)
                {
                    var start = tokens[nameStart].Range.Start;
                    while (start < tokens[t].Range.Start - 2 && FunctionWords.Contains(document.Text[start].ToString())) start++;
                    start = AfterWordBeforeAnOrganization(document.Text, start, tokens[t].Range.Start);
                    start = places.TryGetValue(start, out var place) ? place.Range.Start : start;
                    var end = tokens[suffixEnd - 1].Range.End;
                    var surface = document.Slice(start, end);
                    if (!data.IsGeneric(surface) && !(IsBareCompanyNoun(tokens, t, suffixEnd) && HoldsCommonWord(tokens, start, t)))
                        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Organization", MentionSource.Pattern, 0.75) { Sentence = sentence.Index });
                }
                t = suffixEnd - 1;
            }
            FindPlaceLedNames(document, sentence, tokens, places, mentionStarts);
        }
    }

    /// <summary>
    /// A verb that takes an organization as its object (投资, 收购, 隶属于: the cues before an organization), a post
    /// verb (现任密歇根大学) or another word that only stands before names (赴, 消息称: org-name-openers.txt) opening the
    /// words before the ending is no part of the name (已投资风平智能 names 风平智能), when two characters or more are left.
    /// </summary>
    private int AfterWordBeforeAnOrganization(string text, int start, int suffixStart)
    {
        foreach (var word in _wordsBeforeAnOrganization)
        {
            if (suffixStart - start - word.Length >= 2 && string.CompareOrdinal(text, start, word, 0, word.Length) == 0) return start + word.Length;
        }
        return start;
    }

    /// <summary>The cues before an organization in the file's order, picked out once instead of at every candidate name.</summary>
    private readonly string[] _wordsBeforeAnOrganization =
        data.ContextCues.Where(c => c is { Position: CuePosition.Before, Type: "Organization" }).Select(c => c.Word)
            .Concat(data.PostVerbs.Where(v => v.Length >= 2)).Concat(data.OrganizationNameOpeners).ToArray();

    /// <summary>The ending is 公司 alone (not 科技公司, 有限公司): a noun for any company, which a phrase may end in as well as a name.</summary>
    private static bool IsBareCompanyNoun(List<Token> tokens, int suffix, int suffixEnd) =>
        suffixEnd - suffix == 1 && tokens[suffix].Text == BareCompanyNoun;

    private const string BareCompanyNoun = "公司";

    /// <summary>
    /// A common word among the words before a bare 公司 makes them a description or a clause, not a name: an adjective, a
    /// verb, an idiom or a common noun the dictionary knows, rare as it may be (客服公司, 车企和互联网公司, 陈默重新主导公司, 埃克投资国防公司, 智驾合资公司,
    /// 事件暴露出大模型公司, 车规MCU设计公司, K2旗下公司), or a Latin word that names nothing alone (东大松尾研系AI公司). A name
    /// before 公司 is proper words only (宇树公司, Figure公司, 北京衡石公司).
    /// </summary>
    private bool HoldsCommonWord(List<Token> tokens, int start, int suffix)
    {
        for (var t = suffix - 1; t >= 0 && tokens[t].Range.Start >= start; t--)
        {
            var token = tokens[t];
            if (token.Tag == "eng" ? data.EnglishStopwords.Contains(token.Text) : token.InDictionary && token.Range.Length >= 2 && !ProperTags.Contains(token.Tag)) return true;
        }
        return false;
    }

    /// <summary>The segmenter's tags of proper names and abbreviations; a rare common noun (客服) is no name before a bare 公司.</summary>
    private static readonly HashSet<string> ProperTags = ["nr", "nrt", "nrfg", "nz", "nt", "ns", "j", "x"];

    /// <summary>
    /// Known places by where they end: a place written right before an organization's name is part of it
    /// (北京智源人工智能研究院, 杭州城投产业基金).
    /// </summary>
    private static Dictionary<int, Mention> PlacesByEnd(Document document)
    {
        var places = new Dictionary<int, Mention>();
        foreach (var place in document.Mentions.Where(m => m.Source == MentionSource.Lexicon && m.Type == "Location")) places.TryAdd(place.Range.End, place);
        return places;
    }

    /// <summary>A known organization with a fund's, lab's or division's ending after it is that unit (吉利资本).</summary>
    private void AddSubOrganizationsOfKnownOnes(Document document)
    {
        var text = document.Text;
        var tokensByStart = new Dictionary<int, Token>();
        foreach (var token in document.Tokens) tokensByStart.TryAdd(token.Range.Start, token);
        var knownOnes = document.Mentions.Where(m => m.Source == MentionSource.Lexicon && m.Type == "Organization").ToList();
        var statedUnits = new HashSet<string>(StringComparer.Ordinal);
        var unitStarts = new HashSet<int>();
        foreach (var known in knownOnes)
        {
            var at = known.Range.End;
            var fieldLength = 0;
            string? suffix = null;
            while (tokensByStart.TryGetValue(at, out var token) && fieldLength <= MaxUnitFieldLength)
            {
                suffix = data.SubOrganizationSuffixes.FirstOrDefault(s => string.CompareOrdinal(text, at, s, 0, s.Length) == 0);
                if (suffix is not null || !IsUnitFieldWord(token)) break;
                fieldLength += FieldWordLength(token);
                at = token.Range.End;
            }
            if (suffix is null && BusinessUnitEnd(text, known) is { } unitEnd)
            {
                document.Mentions.Add(new Mention(new TextRange(known.Range.Start, unitEnd), text[known.Range.Start..unitEnd], "Organization", MentionSource.Pattern, 0.8) { Sentence = known.Sentence });
                unitStarts.Add(known.Range.Start);
                if (StatedAsUnit(text, known, unitEnd)) statedUnits.Add(text[known.Range.Start..unitEnd]);
                continue;
            }
            if (suffix is null || fieldLength > MaxUnitFieldLength || fieldLength == 0 && IsLabOfResearchBody(known, suffix)) continue;
            var end = at + suffix.Length;
            document.Mentions.Add(new Mention(new TextRange(known.Range.Start, end), text[known.Range.Start..end], "Organization", MentionSource.Pattern, 0.8) { Sentence = known.Sentence });
        }
        if (statedUnits.Count > 0) AddOtherMentionsOfStatedUnits(document, knownOnes, unitStarts, statedUnits);
    }

    /// <summary>
    /// A unit the text once states to be one (ABB机器人（ABB Robotics）, 蔚来中国是蔚来在国内的业务主体) is that unit wherever
    /// the text writes its name again (ABB机器人与发那科长期竞争, 向蔚来中国投资), not its parent.
    /// </summary>
    private static void AddOtherMentionsOfStatedUnits(Document document, List<Mention> knownOnes, HashSet<int> unitStarts, HashSet<string> statedUnits)
    {
        var text = document.Text;
        foreach (var known in knownOnes.Where(k => !unitStarts.Contains(k.Range.Start)))
        {
            if (statedUnits.FirstOrDefault(u => string.CompareOrdinal(text, known.Range.Start, u, 0, u.Length) == 0) is not { } unit) continue;
            var range = new TextRange(known.Range.Start, known.Range.Start + unit.Length);
            document.Mentions.Add(new Mention(range, unit, "Organization", MentionSource.Pattern, 0.8) { Sentence = known.Sentence });
        }
    }

    /// <summary>
    /// A known organization's Latin name and a known place's Latin name after it (Stargate Norway, OpenAI Japan, NIO
    /// China) name the company it runs or set up there, an organization of its own, not the parent and a place.
    /// </summary>
    private static void AddRegionalArmsOfLatinNames(Document document)
    {
        var text = document.Text;
        var placesByStart = new Dictionary<int, Mention>();
        foreach (var place in document.Mentions.Where(m => m is { Source: MentionSource.Lexicon, Type: "Location" } && char.IsAsciiLetter(m.Text[0])))
            placesByStart.TryAdd(place.Range.Start, place);
        if (placesByStart.Count == 0) return;
        foreach (var known in document.Mentions.Where(m => m is { Source: MentionSource.Lexicon, Type: "Organization" }).ToList())
        {
            var end = known.Range.End;
            if (end + 1 >= text.Length || text[end] != ' ' || !char.IsAsciiLetter(text[end - 1]) || !placesByStart.TryGetValue(end + 1, out var place)) continue;
            var armEnd = place.Range.End;
            if (armEnd < text.Length && char.IsAsciiLetterOrDigit(text[armEnd])) continue;
            document.Mentions.Add(new Mention(new TextRange(known.Range.Start, armEnd), text[known.Range.Start..armEnd], "Organization", MentionSource.Pattern, 0.8) { Sentence = known.Sentence });
        }
    }

    private const int MaxUnitFieldLength = 6;

    /// <summary>
    /// A university's or a lab's name with 实验室 right after it and no field between (浙大实验室, 哈佛实验室,
    /// FAIR实验室) says where the work was done: the university or the lab itself, not a unit of its own name.
    /// </summary>
    private bool IsLabOfResearchBody(Mention known, string suffix) =>
        suffix == BareLabEnding && known.LexiconId is { } id && lexicon.ById(id)?.Kind is "university" or "lab";

    private const string BareLabEnding = "实验室";

    /// <summary>
    /// How much of the unit's field a word takes: a Latin word is one word of the fund's own name however long it is
    /// (三星Catalyst基金, 本田Xcelerator基金), a Chinese word its characters.
    /// </summary>
    private static int FieldWordLength(Token token) => token.Tag == "eng" ? 1 : token.Text.Length;

    /// <summary>
    /// Where a unit named by its parent and a business (滴滴自动驾驶, 京东零售) ends, when the text treats it as a company of
    /// its own: a title or an organization's cue (宣布, 完成, 获得) follows, or the text states it is a unit
    /// (<see cref="StatedAsUnit"/>); a stated unit word (ABB机器人, 蔚来中国: recognition/stated-unit-words.txt) needs the
    /// statement or a title (CARIAD中国CEO), a company's cue not being enough (小米机器人宣布 may be the company itself). Followed by 团队 or nothing of the kind it is the parent's business line, and the known name stays the parent's.
    /// </summary>
    private int? BusinessUnitEnd(string text, Mention known)
    {
        var knownEnd = known.Range.End;
        var business = RecognitionData.MatchStartingAt(data.UnitBusinessWords, text, knownEnd, text.Length);
        var stated = business is null ? RecognitionData.MatchStartingAt(data.StatedUnitWords, text, knownEnd, text.Length) : null;
        if ((business ?? stated) is not { } word) return null;
        var end = knownEnd + word.Length;
        if (StatedAsUnit(text, known, end)) return end;
        if (stated is not null) return TitleFollows(text, end) ? end : null;
        var companyCue = data.ContextCues.Any(c => c is { Position: CuePosition.After, Type: "Organization" } && !KindCues.Contains(c.Word)
                                                   && string.CompareOrdinal(text, end, c.Word, 0, c.Word.Length) == 0);
        return companyCue || TitleFollows(text, end) ? end : null;
    }


    /// <summary>
    /// The text states that the known name and its unit word up to <paramref name="end"/> name a unit: a Latin gloss
    /// that opens with a word of the parent's Latin name follows (ABB机器人（ABB Robotics）, 英特尔投资（Intel Capital）), or
    /// 是 and, in that clause, a word saying it is another's (滴滴自动驾驶是滴滴旗下的独立子公司: unit-statement-words.txt).
    /// </summary>
    private bool StatedAsUnit(string text, Mention known, int end)
    {
        if (end + 1 < text.Length && text[end] is '（' or '(' && char.IsAsciiLetter(text[end + 1]))
        {
            var glossEnd = text.IndexOfAny(['）', ')'], end + 1);
            var gloss = glossEnd < 0 ? "" : text[(end + 1)..glossEnd];
            return gloss.Contains(' ') && known.LexiconId is { } id && lexicon.ById(id) is { } entry
                   && entry.AllNames.Any(name => name.Length > 1 && char.IsAsciiLetter(name[0]) && gloss.StartsWith(name.Split(' ')[0] + " ", StringComparison.OrdinalIgnoreCase));
        }
        if (end >= text.Length || text[end] != '是') return false;
        var clauseEnd = text.IndexOfAny(ClauseEnds, end);
        var clause = text[end..(clauseEnd < 0 ? text.Length : clauseEnd)];
        return data.UnitStatementWords.Any(w => clause.Contains(w, StringComparison.Ordinal));
    }

    private static readonly char[] ClauseEnds = ['，', '。', '；', '！', '？', '\n'];

    /// <summary>
    /// Words naming a unit's field between its organization and its ending (清华大学人工智能研究院, 小米AI实验室,
    /// OpenAI创业基金, 阿里云智能计算平台事业部) or its place (小米长江产业基金): nouns and verbal nouns, not particles, verbs
    /// or counts (腾讯六大事业群 is one of six).
    /// </summary>
    private bool IsUnitFieldWord(Token token) =>
        token.Tag is "n" or "vn" or "nz" or "eng" or "l" or "j" or "ns" && !FunctionWords.Contains(token.Text) && !data.OwnerWords.Contains(token.Text)
        && !IsCountOrNegation(token);

    /// <summary>
    /// Tokens from <paramref name="first"/> that together are organization endings (科技 + 有限公司), with the words of
    /// a group's business between them (智慧城市科技发展集团有限公司, 星河智能产业投资集团).
    /// </summary>
    private int SuffixRunEnd(string text, IReadOnlyList<Token> tokens, int first)
    {
        var end = first;
        while (true)
        {
            while (end < tokens.Count && IsSuffix(tokens[end].Text) && (end == first || Touch(tokens, end))) end++;
            if (end == first) return end;
            var resumed = end;
            while (resumed < tokens.Count && resumed - end < MaxBusinessWords && _fundWords.Contains(tokens[resumed].Text) && Touch(tokens, resumed)) resumed++;
            if (resumed == end || resumed >= tokens.Count || !IsSuffix(tokens[resumed].Text) || !Touch(tokens, resumed)) return end;
            end = resumed;
        }
    }

    private const int MaxBusinessWords = 2;

    private static bool Touch(IReadOnlyList<Token> tokens, int index) => tokens[index].Range.Start == tokens[index - 1].Range.End;

    /// <summary>
    /// The segmenter's dictionary knows many institutions by name and tags them nt (上海大学, 北京师范大学); those
    /// that end like an organization are taken, the odd phrase it also tags so (联合开发) is not.
    /// </summary>
    private bool IsDictionaryInstitution(Token token) =>
        token.InDictionary && token.Tag == "nt" && token.Range.Length >= 3 && !data.IsGeneric(token.Text) && !IsSuffix(token.Text)
        && data.OrganizationSuffixes.Any(suffix => token.Text.EndsWith(suffix, StringComparison.Ordinal)) && !IsPlaceWithDescriptiveEnding(token.Text);

    /// <summary>A place and a descriptive ending (美国公司, 中东资本), which the dictionary also tags nt, say where a company is from.</summary>
    private bool IsPlaceWithDescriptiveEnding(string word) =>
        DescriptiveAfterPlace.Any(ending => word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal)
                                            && dictionary.DictionaryTag(word[..^ending.Length]) == "ns");

    /// <summary>
    /// A phrase with an organization ending right before a name describes that name (数据云公司Snowflake,
    /// 机器人公司1X); a number after it (澜渊科技1.5亿美元) is no name.
    /// </summary>
    private static bool DescribesTheNameAfter(string text, HashSet<int> mentionStarts, IReadOnlyList<Token> tokens, int afterSuffix)
    {
        var end = tokens[afterSuffix - 1].Range.End;
        return end < text.Length && (StartsLatinName(text, end) || mentionStarts.Contains(end));
    }

    private static bool StartsLatinName(string text, int start)
    {
        for (var i = start; i < text.Length && char.IsAsciiLetterOrDigit(text[i]); i++)
        {
            if (char.IsAsciiLetter(text[i])) return true;
        }
        return false;
    }

    /// <summary>The ending begins a longer word of its own (高阶智能驾驶): it ends no name there.</summary>
    private bool StartsACompound(string text, Token suffix) =>
        RecognitionData.MatchStartingAt(data.SuffixCompounds, text, suffix.Range.Start, text.Length) is not null;

    /// <summary>An ending followed by one more character that the segmenter left alone is part of another word (智能体, 科技园).</summary>
    private static bool ContinuesAsAnotherWord(IReadOnlyList<Token> tokens, int afterSuffix) =>
        afterSuffix < tokens.Count && tokens[afterSuffix].Range.Start == tokens[afterSuffix - 1].Range.End
        && tokens[afterSuffix].Text.Length == 1 && tokens[afterSuffix].Tag is "n" or "ng" or "k" or "x"
        && !FunctionWords.Contains(tokens[afterSuffix].Text);

    private bool IsSuffix(string word) => data.OrganizationSuffixes.Contains(word);

    /// <summary>
    /// Walks back over the words that can make up a name; at least one must be a proper-noun-like word, or two
    /// single characters in a row that the segmenter could not make a word of (砺思资本), or a known place right
    /// before them. A place alone before
    /// 资本 is money from there, not a name (中东资本).
    /// </summary>
    private int NameStart(IReadOnlyList<Token> tokens, int suffix, Dictionary<int, Mention> places)
    {
        var start = suffix;
        var length = 0;
        var proper = false;
        var placesOnly = true;
        var pending = 0;
        var introduced = false;
        var nounsOnly = true;
        for (var t = suffix - 1; t >= 0; t--)
        {
            var token = tokens[t];
            if (token.Range.End != tokens[t + 1].Range.Start) break;
            if (length + pending + token.Range.Length > MaxNameLength) break;
            if (t == suffix - 1 && IsFieldWord(token))
            {
                pending = token.Range.Length;
                continue;
            }
            if (_kindNounsBeforeOrganizations.Contains(token.Text))
            {
                // What a kind noun introduces is a name (泊车方案企业纵目科技), common as its nouns may be (not 企业管理公司).
                introduced = true;
                break;
            }
            if (!IsNameWord(token)) break;
            nounsOnly &= !token.InDictionary || token.Tag is "n" or "nz" or "nr" or "nrt" or "ns" or "nt" or "j" or "x" or "ng";
            length += token.Range.Length + pending;
            pending = 0;
            proper |= IsProperWord(token) || token.Range.Length == 1 && t + 1 < suffix && tokens[t + 1].Range.Length == 1;
            placesOnly &= token.Tag == "ns";
            start = t;
        }
        if (placesOnly && DescriptiveAfterPlace.Contains(tokens[suffix].Text)) return suffix;
        // A known place right before the words stands for the proper part (无锡 of 无锡产业发展集团), unless the
        // ending describes (中国大模型公司 is a Chinese company of a kind).
        proper |= start < suffix && places.ContainsKey(tokens[start].Range.Start) && !DescriptiveAfterPlace.Contains(tokens[suffix].Text);
        proper |= introduced && nounsOnly && !placesOnly && pending == 0;
        return proper && length >= 2 ? start : suffix;
    }

    /// <summary>
    /// Nouns that stand before an organization and say what kind it is (制造商, 厂商, 企业) end the walk back: what
    /// precedes them describes the name (汽车制造商力帆科技 names 力帆科技). The verbs among those cues (投资, 收购)
    /// do not: investment firms carry them inside their names (国投创新投资管理).
    /// </summary>
    private readonly HashSet<string> _kindNounsBeforeOrganizations = data.ContextCues
        .Where(c => c is { Position: CuePosition.Before, Type: "Organization" } && c.Word.Length >= 2 && dictionary.DictionaryTag(c.Word) is null or "n")
        .Select(c => c.Word).ToHashSet();

    /// <summary>
    /// Endings that after a place alone, with or without a field, describe rather than name: 中东资本 is money from
    /// there, 挪威机器人公司 a company from there (上海人工智能实验室 is a name).
    /// </summary>
    private static readonly HashSet<string> DescriptiveAfterPlace = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "descriptive-after-place");

    /// <summary>
    /// A generic word for a field right before the ending (人工智能, 机器人) belongs to the name when a proper name
    /// comes before it (北京智源人工智能研究院, 上海人工智能实验室); alone it describes (AI初创公司).
    /// </summary>
    private bool IsFieldWord(Token token) =>
        token.Range.Length >= 2 && data.IsGeneric(token.Text) && !FunctionWords.Contains(token.Text) && !IsSuffix(token.Text) && token.Tag is "n" or "nz" or "vn" or "eng" or "l";

    /// <summary>A generic word (科技, 大模型) is no part of a name; a generic single character inside one is (云深处科技).</summary>
    private bool IsNameWord(Token token) =>
        !FunctionWords.Contains(token.Text) && (token.Range.Length == 1 || !data.IsGeneric(token.Text)) && token.Tag is not ("w" or "m" or "v" or "d" or "p" or "c" or "u" or "r" or "q" or "f" or "t")
        && !IsSuffix(token.Text) && !IsCountOrNegation(token);

    /// <summary>
    /// A word that counts (三大, 两家, 六大 of 腾讯六大事业群), or one the segmenter did not know that negates (不买, 没有) or
    /// grades (最受 of 最受资本青睐), is a phrase about organizations (三大唱片公司, 不买公司, 最受资本), not a name.
    /// </summary>
    internal static bool IsCountOrNegation(Token token) =>
        token.Text.Length == 2 && (Numerals.Contains(token.Text[0]) && Counters.Contains(token.Text[1])
                                   || !token.InDictionary && (Negations.Contains(token.Text[0]) || DegreeAdverbs.Contains(token.Text[0])));

    private static readonly string Numerals = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "organization-numerals");
    private static readonly string Counters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "organization-counters");
    private static readonly string Negations = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "negations");
    private static readonly string DegreeAdverbs = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "degree-adverbs");

    private bool IsProperWord(Token token) =>
        !token.InDictionary || token.Tag is "nr" or "nrt" or "nrfg" or "nz" or "nt" or "eng" or "j" or "ns" || token.Tag == "n" && dictionary.IsRareWord(token.Text);
}
