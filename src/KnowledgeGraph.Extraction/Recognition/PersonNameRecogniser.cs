using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// People the lexicon does not know: names joined by a middle dot (奥列格·维尔哈文斯基), and Chinese or
/// transliterated names right after a title or role (CEO纳德拉, 首席技术官郑沐阳) or right before what people do
/// (郑沐阳创办了…, 张三表示…), before a post taken (韩旭任董事长兼CEO), in a list of founders (由韩旭和李岩于2017年创立)
/// and listed with a person already known (彭军和楼天城). A Chinese name is a surname and one or two more characters
/// that end where a word ends.
/// </summary>
public sealed partial class PersonNameRecogniser(RecognitionData data, JiebaTokenizer dictionary) : IPipelineStage
{
    private const int MaxNamePart = 6;

    /// <summary>Characters that end a name part: particles, prepositions and the verbs that follow names.</summary>
    internal static readonly HashSet<char> StopCharacters = [.. LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "person-name-stops")];

    /// <summary>Words that may stand between a name and what the person does: 郑沐阳将正式加入….</summary>
    private static readonly HashSet<string> Adverbs = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "person-adverbs");

    /// <summary>
    /// The verbs of what people do, by first character: they are looked for at every token and at every character
    /// that may end a name part, and only those starting with that character can stand there.
    /// </summary>
    private readonly Dictionary<char, string[]> _personVerbsByFirstCharacter = data.ContextCues
        .Where(c => c.Position == CuePosition.After && c.Type == "Person").Select(c => c.Word)
        .GroupBy(word => word[0]).ToDictionary(group => group.Key, group => group.ToArray());

    public void Process(Document document)
    {
        var known = document.Mentions.ToLookup(m => m.Sentence);
        foreach (var sentence in document.Sentences)
        {
            var named = known[sentence.Index].ToList();
            var boundaries = TokenBoundaries(document, sentence);
            FindDottedNames(document, sentence, named);
            FindNamesAfterIntroducers(document, sentence, boundaries, named);
            FindNamesBeforeVerbs(document, sentence, boundaries);
            FindNamesBeforePosts(document, sentence, boundaries, named);
            FindFounderLists(document, sentence, boundaries, named);
            FindCofounders(document, sentence, boundaries, named);
            foreach (var person in named.Where(m => m.Type == "Person")) AddCoordinatedNames(document, sentence, person.Range.End, boundaries, named);
            FindNamesInNameSlots(document, sentence, named);
        }
    }

    /// <summary>
    /// A name right before a post verb and a title (韩旭任董事长兼CEO, 李岩任CTO): 任 alone is too common a character
    /// to be a cue of its own, the title after it makes it one.
    /// </summary>
    private void FindNamesBeforePosts(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        foreach (var verb in data.PostVerbs)
        {
            for (var at = text.IndexOf(verb, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0;
                 at = at + 1 < sentence.Range.End ? text.IndexOf(verb, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal) : -1)
            {
                var afterVerb = at + verb.Length;
                if (RecognitionData.MatchStartingAt(data.Titles, text, verb.Length >= 2 ? TitleStartAfter(text, afterVerb, named) : afterVerb, sentence.Range.End) is null) continue;
                // 任 of 现任 belongs to the longer verb, which the name stands before.
                if (RecognitionData.MatchEndingAt(data.PostVerbs, text, afterVerb) is { } longest && longest.Length > verb.Length) continue;
                if (ChineseNameEndingAt(text, at, sentence.Range.Start, boundaries) is { } name && !named.Any(m => m.Range.Start < name.End && name.Start < m.Range.End))
                    Add(document, sentence, name.Start, name.End, 0.7);
            }
        }
    }

    /// <summary>
    /// Where the title after a post verb starts: right after the verb, or after an organization already named there and
    /// its 的 (孙佳怡现任面壁智能首席技术官, 李岩担任百度的首席科学家); only after a verb of two characters, since 任 alone
    /// ends other words (吴凯卸任旷视科技CEO).
    /// </summary>
    private static int TitleStartAfter(string text, int afterVerb, List<Mention> named)
    {
        var organization = named.FirstOrDefault(m => m.Type == "Organization" && m.Range.Start == afterVerb);
        if (organization is null) return afterVerb;
        var end = organization.Range.End;
        return end < text.Length && text[end] == '的' ? end + 1 : end;
    }

    /// <summary>
    /// The founders listed between 由 and a founding verb of the same clause (文远知行由韩旭和李岩于2017年在广州创立):
    /// the first item after 由 and the names coordinated with it.
    /// </summary>
    private void FindFounderLists(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        for (var at = text.IndexOf('由', sentence.Range.Start, sentence.Range.Length); at >= 0 && at + 1 < sentence.Range.End;
             at = text.IndexOf('由', at + 1, sentence.Range.End - at - 1))
        {
            var clauseEnd = at + 1;
            while (clauseEnd < sentence.Range.End && text[clauseEnd] is not ('，' or ',' or '。' or '；' or ';' or '：')) clauseEnd++;
            var clauseStart = at + 1;
            if (!data.FoundingVerbs.Any(v => text.IndexOf(v, clauseStart, clauseEnd - clauseStart, StringComparison.Ordinal) >= 0)) continue;
            if ((UndescribedNameBoundedBySpelling(text, at + 1, clauseEnd) ?? FounderNameStartingAt(text, at + 1, clauseEnd, boundaries)
                 ?? ChineseNameStartingAt(text, at + 1, clauseEnd, boundaries)) is not { } name || IsInsideMention(named, name)) continue;
            if (!named.Any(m => m.Range == name)) Add(document, sentence, name.Start, name.End, 0.7);
            AddCoordinatedNames(document, sentence, name.End, boundaries, named, founderListEnd: clauseEnd);
        }
    }

    /// <summary>A name found inside one the lexicon or another recogniser knows already is part of that one.</summary>
    private static bool IsInsideMention(List<Mention> named, TextRange range) =>
        named.Any(m => m.Range.Start < range.End && range.Start < m.Range.End && m.Range != range);

    /// <summary>
    /// Both sides of the dot run over characters that can be part of a name; a common word (顾问, 一起) or a
    /// particle ends them.
    /// </summary>
    private void FindDottedNames(Document document, Sentence sentence, List<Mention> named)
    {
        var text = document.Text;
        var commonWords = CommonWords(document, sentence);
        for (var dot = sentence.Range.Start + 1; dot < sentence.Range.End - 1; dot++)
        {
            if (text[dot] != '·' || !IsHan(text[dot - 1]) || !IsHan(text[dot + 1])) continue;
            var start = dot;
            while (start > sentence.Range.Start && dot - start < MaxNamePart && IsHan(text[start - 1]) && !StopCharacters.Contains(text[start - 1])
                   && !IsInCommonWord(commonWords, start - 1, dot)) start--;
            start = AfterIntroducer(text, start, dot);
            var end = dot + 1;
            while (end < sentence.Range.End && end - dot <= MaxNamePart * 2 && !IsInCommonWord(commonWords, end, dot)
                   && (IsHan(text[end]) && !EndsNamePart(text, end, sentence.Range.End) || IsInnerNameMark(text, end, sentence.Range.End))) end++;
            if (dot - start >= 1 && end - dot >= 2 && !NamesAnOrganization(text, end))
            {
                Add(document, sentence, start, end, 0.85);
                AddCoordinatedNames(document, sentence, SkipBrackets(text, end, sentence.Range.End), TokenBoundaries(document, sentence), named);
            }
            dot = end;
        }
    }

    /// <summary>
    /// A particle or a verb's first character ends a name part, unless it is a sound of transliterations that the
    /// name goes on after (坦 of 坦普尔顿, 加 of 西加斯) and no verb of what people do starts with it (坦言, 加入).
    /// </summary>
    private bool EndsNamePart(string text, int position, int limit)
    {
        if (!StopCharacters.Contains(text[position])) return false;
        var sound = data.TransliterationCharacters.Contains(text[position]);
        var continues = position + 1 < limit && sound && data.TransliterationCharacters.Contains(text[position + 1]);
        return !continues && !(sound && ClosesName(text, position, limit)) || PersonVerbAt(text, position, exceptNounWithPerson: false);
    }

    /// <summary>True when a verb of what people do starts at <paramref name="position"/> (not 负责人 when so asked).</summary>
    private bool PersonVerbAt(string text, int position, bool exceptNounWithPerson)
    {
        if (position >= text.Length || !_personVerbsByFirstCharacter.TryGetValue(text[position], out var verbs)) return false;
        foreach (var verb in verbs)
        {
            if (string.CompareOrdinal(text, position, verb, 0, verb.Length) == 0
                && !(exceptNounWithPerson && IsNounWithPerson(text, position + verb.Length))) return true;
        }
        return false;
    }

    /// <summary>Where the sentence's tokens start and end: a name found by characters must begin and end there.</summary>
    private static HashSet<int> TokenBoundaries(Document document, Sentence sentence)
    {
        var boundaries = new HashSet<int>(sentence.TokenCount * 2);
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            boundaries.Add(document.Tokens[t].Range.Start);
            boundaries.Add(document.Tokens[t].Range.End);
        }
        return boundaries;
    }

    /// <summary>
    /// A sound of transliterations right before a bracket or a comma is the name's last syllable (贾因（Amit Jain）,
    /// 拉古纳坦，), unless it is a particle that follows names (于, 任, 让).
    /// </summary>
    private static bool ClosesName(string text, int position, int limit) =>
        !ParticlesAfterNames.Contains(text[position]) && (position + 1 >= limit || NameClosers.Contains(text[position + 1]));

    private static readonly string ParticlesAfterNames = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "particles-after-names");

    private const string NameClosers = "（(，,、。；";

    /// <summary>A dotted name followed by an organization's ending names the organization (迪特尔·施瓦茨基金会).</summary>
    private bool NamesAnOrganization(string text, int end) =>
        RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, end, text.Length) is { Length: >= 2 };

    /// <summary>A dot or a hyphen between two parts of a transliterated name (艾哈迈德·阿尔-达赫勒).</summary>
    private static bool IsInnerNameMark(string text, int position, int limit) =>
        text[position] is '·' or '-' && position + 1 < limit && IsHan(text[position + 1]) && IsHan(text[position - 1]);

    /// <summary>Dictionary words of two or more characters that no transliteration is made of.</summary>
    private List<TextRange> CommonWords(Document document, Sentence sentence) =>
        document.TokensOf(sentence)
            .Where(t => t.InDictionary && t.Range.Length >= 2 && t.Tag is not ("nr" or "nrt" or "nrfg" or "x" or "eng" or "w") && !data.IsTransliteration(t.Text))
            .Select(t => t.Range)
            .ToList();

    /// <summary>A common word stops a name part, unless it touches the dot: 大卫·栾 is a name although 大卫 is a word.</summary>
    private static bool IsInCommonWord(List<TextRange> commonWords, int position, int dot) =>
        commonWords.Any(w => w.Contains(position) && w.End != dot && w.Start != dot + 1);

    /// <summary>A title that ends inside the run before the dot is not part of the name (总经理福雷斯特 → 福雷斯特).</summary>
    private int AfterIntroducer(string text, int start, int dot)
    {
        for (var end = dot - 1; end > start; end--)
        {
            if (RecognitionData.MatchEndingAt(data.PersonIntroducers, text, end) is not null) return end;
        }
        return start;
    }

    private void FindNamesAfterIntroducers(Document document, Sentence sentence, HashSet<int> boundaries, List<Mention> named)
    {
        var text = document.Text;
        // Hundreds of titles and cues, and a sentence holds the letters of few: those it lacks are not searched for.
        var letters = CharacterSketch.Of(text.AsSpan(sentence.Range.Start, sentence.Range.Length));
        foreach (var introducer in data.PersonIntroducers)
        {
            if (!letters.MayContain(introducer)) continue;
            for (var at = text.IndexOf(introducer, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0;
                 at = at + 1 < sentence.Range.End ? text.IndexOf(introducer, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal) : -1)
            {
                var position = SkipListWords(text, at + introducer.Length, sentence.Range.End);
                if (position >= sentence.Range.End || !IsHan(text[position])) continue;
                if (NameBoundedBySpelling(text, position, sentence.Range.End) is { } spelled)
                {
                    Add(document, sentence, spelled.Start, spelled.End, 0.8);
                    continue;
                }
                var end = TransliterationRunEnd(text, position, sentence.Range.End);
                if (end - position is >= 2 and <= 5 && (boundaries.Contains(end) || end == sentence.Range.End))
                {
                    Add(document, sentence, position, end, 0.8);
                    continue;
                }
                if ((ChineseNameStartingAt(text, position, sentence.Range.End, boundaries, afterTitle: true)
                     ?? UncommonNameAfterTitle(text, position, sentence.Range.End)) is not { } name || IsInsideMention(named, name)) continue;
                Add(document, sentence, name.Start, name.End, 0.75);
                AddCoordinatedNames(document, sentence, name.End, boundaries, named);
            }
        }
    }

    private void FindNamesBeforeVerbs(Document document, Sentence sentence, HashSet<int> boundaries)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var first = sentence.FirstToken;
        for (var t = first; t < first + sentence.TokenCount; t++)
        {
            if (!PersonVerbAt(text, tokens[t].Range.Start, exceptNounWithPerson: true)) continue;
            var before = t;
            while (before > first && Adverbs.Contains(tokens[before - 1].Text)) before--;
            var nameEnd = tokens[before].Range.Start;
            // A manner written before a one-character verb (笑称, 坦称: cues of their own) is part of the verb, not the
            // name's last character.
            if (before == t && tokens[t].Text.Length == 1 && nameEnd - 1 > sentence.Range.Start && PersonVerbAt(text, nameEnd - 1, exceptNounWithPerson: false))
                nameEnd--;
            // Checked last: a cue ending a longer title is rare, and reading every title at every verb is not cheap.
            if (ChineseNameEndingAt(text, nameEnd, sentence.Range.Start, boundaries) is { } name && !EndsLongerTitle(text, tokens[t].Range.Start))
                Add(document, sentence, name.Start, name.End, 0.7);
        }
    }

    /// <summary>
    /// A cue that is the end of a longer title (教授 of 荣休教授, 客座教授) has the title's opening before it, not a name:
    /// 斯坦福大学荣休教授约阿夫·肖汉姆 names no 荣休.
    /// </summary>
    private bool EndsLongerTitle(string text, int cueStart)
    {
        for (var end = cueStart + 1; end <= Math.Min(text.Length, cueStart + MaxCueLength); end++)
        {
            if (RecognitionData.MatchEndingAt(data.Titles, text, end) is { } title && end - title.Length < cueStart) return true;
        }
        return false;
    }

    private const int MaxCueLength = 4;

    /// <summary>负责人, 创办人, 领导人: the verb with 人 names a person of what comes before, who is not a name.</summary>
    private static bool IsNounWithPerson(string text, int afterVerb) => afterVerb < text.Length && text[afterVerb] == '人';

    private static int SkipBrackets(string text, int position, int end)
    {
        if (position >= end || text[position] is not ('（' or '(')) return position;
        var close = text.IndexOfAny(['）', ')'], position, end - position);
        return close < 0 ? position : close + 1;
    }

    private static int SkipListWords(string text, int position, int end)
    {
        foreach (var word in ListLeadIns)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0 && position + word.Length <= end) return position + word.Length;
        }
        return position;
    }

    /// <summary>Words that open the list of people after a noun for them (还包括, 分别是, ：), tried in this order.</summary>
    private static readonly string[] ListLeadIns = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "list-lead-ins");

    /// <summary>
    /// More names joined to a found one: 周昕宇和吴育昕, 张三、李四. In a list of founders, which ends at
    /// <paramref name="founderListEnd"/>, a name the segmenter cut otherwise is read as a founder's (see <see cref="FounderNameStartingAt"/>).
    /// </summary>
    private void AddCoordinatedNames(Document document, Sentence sentence, int end, HashSet<int> boundaries, List<Mention> named, int founderListEnd = -1)
    {
        var text = document.Text;
        end = SkipBrackets(text, end, sentence.Range.End);
        while (end + 1 < sentence.Range.End && text[end] is '和' or '与' or '及' or '、')
        {
            if ((UndescribedNameBoundedBySpelling(text, end + 1, sentence.Range.End)
                 ?? (end + 1 < founderListEnd ? FounderNameStartingAt(text, end + 1, founderListEnd, boundaries) : null)
                 ?? ChineseNameStartingAt(text, end + 1, sentence.Range.End, boundaries)) is not { } name
                || IsInsideMention(named, name)) return;
            Add(document, sentence, name.Start, name.End, 0.7);
            end = SkipBrackets(text, name.End, sentence.Range.End);
        }
    }

    /// <summary>A surname and one or two characters more, ending where the segmenter ends a word, that is not itself a common word.</summary>
    private TextRange? ChineseNameStartingAt(string text, int start, int limit, HashSet<int> boundaries, bool afterTitle = false)
    {
        foreach (var length in HasCompoundSurname(text, start, limit) ? CompoundSurnameLengths : SingleSurnameLengths)
        {
            var end = start + length;
            if (end > limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) continue;
            // The first part of a transliterated name (史蒂夫 of 史蒂夫·霍夫曼) is no name of its own.
            if (end < limit && text[end] == '·') continue;
            if (IsReduplicatedVerb(text, end, limit)) continue;
            // Nor is the first character of a verb of what people do that runs past it (景鲲笑称: 笑称).
            if (length == 3 && end < limit && PersonVerbAt(text, end - 1, exceptNounWithPerson: false)) continue;
            var ended = boundaries.Contains(end) || end == limit || length == 3 && ParticleFollows(text, end, limit)
                        || IsReduplicatedVerb(text, end + 1, limit);
            if (IsPlausibleName(text[start..end], afterTitle) && ended) return new TextRange(start, end);
        }
        return null;
    }

    /// <summary>
    /// A surname and two characters right after a title, closed by a particle, a mark or what people do
    /// (总经理熊友军此前是…, 创始人赵同阳曾在…): a person's name even when its given part is a word of its own (友军) or
    /// the segmenter joins it otherwise, since a title is followed by its holder. No character of it ends names: not
    /// the given part's (创始人曾表示 is no one), nor a surname that is a preposition too (CEO向记者表示).
    /// </summary>
    private TextRange? UncommonNameAfterTitle(string text, int start, int limit)
    {
        const int length = 3;
        var end = start + length;
        if (end >= limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) return null;
        var candidate = text.Substring(start, length);
        if (!data.Surnames.Contains(candidate[..1]) || data.Surnames.Contains(candidate[..2])
            || candidate.Where((c, i) => !(i == 1 && IsInnerGivenNameCharacter(c))).Any(StopCharacters.Contains)
            // A given part opened by such a character is no word of its own (王同时表示, 刘同样认为).
            || IsInnerGivenNameCharacter(candidate[1]) && StopCharacters.Contains(candidate[1]) && !IsNameTag(dictionary.DictionaryTag(candidate[1..]))
            || data.IsGeneric(candidate) || data.Titles.Contains(candidate) || dictionary.DictionaryTag(candidate) is { } tag && !IsNameTag(tag)) return null;
        var closed = StopCharacters.Contains(text[end]) || text[end] is '，' or '。' or '、' or '：' or '（' || PersonVerbAt(text, end, exceptNounWithPerson: true);
        return closed ? new TextRange(start, end) : null;
    }

    private static readonly int[] SingleSurnameLengths = [3, 2, 4];

    /// <summary>Read backwards from what follows a name: four characters only after a two-character surname (司马睿阳).</summary>
    private static readonly int[] EndingNameLengths = [4, 3, 2];

    /// <summary>After a two-character surname (欧阳, 司马) the name most often has four characters: 欧阳明远, not 欧阳明.</summary>
    private static readonly int[] CompoundSurnameLengths = [4, 3];

    private bool HasCompoundSurname(string text, int start, int limit) =>
        start + 2 <= limit && data.Surnames.Contains(text.Substring(start, 2));

    private TextRange? ChineseNameEndingAt(string text, int end, int limit, HashSet<int> boundaries)
    {
        foreach (var length in EndingNameLengths)
        {
            var start = end - length;
            if (length == 4 && (start < limit || !HasCompoundSurname(text, start, end))) continue;
            if (start < limit || !Enumerable.Range(start, length).All(i => IsHan(text[i]))) continue;
            if (IsPlausibleName(text[start..end]) && boundaries.Contains(start)) return new TextRange(start, end);
        }
        return null;
    }

    /// <summary>
    /// A surname, then a given name that is no particle and no common word (王随之, 向记者 are not names), and the
    /// whole not a common word either. Nor may the surname and the next character make a common word of their own
    /// (方面 of 芯动方面只表示, 周三 of 周三证实, 南方 of 南方科技大学): a three-character name does not open with one.
    /// </summary>
    /// <remarks>
    /// Right after a title a given name may also be an adjective of the dictionary (CEO周宏伟): a title is followed
    /// by a name, not by a description. A full name the dictionary tags as a person's is one whatever its given name.
    /// </remarks>
    private bool IsPlausibleName(string candidate, bool afterTitle = false)
    {
        if (!data.StartsWithSurname(candidate) || data.IsGeneric(candidate) || data.Titles.Contains(candidate)) return false;
        var tag = dictionary.DictionaryTag(candidate);
        // The dictionary knows some people by their full name (林海峰, 宋建平, 杨志强): their given names may be common
        // words or hold a character that elsewhere ends a name (强 of 强调).
        if (tag == "nr" && candidate.Length >= 3) return true;
        if (candidate.Skip(1).Where((c, i) => !(IsInnerGivenNameCharacter(c) && i + 2 < candidate.Length)).Any(StopCharacters.Contains)) return false;
        if (!IsNameTag(tag)) return false;
        var surname = data.Surnames.Contains(candidate[..Math.Min(2, candidate.Length)]) && candidate.Length > 2 ? 2 : 1;
        if (surname == 1 && candidate.Length >= 3 && !IsNameTag(dictionary.DictionaryTag(candidate[..2]))) return false;
        var given = candidate[surname..];
        var givenTag = dictionary.DictionaryTag(given);
        return given.Length < 2 || IsNameTag(givenTag) || afterTitle && givenTag == "a";
    }

    /// <summary>
    /// 家, 之, 同 end words elsewhere (一家, 之前, 同时) but are common inside given names (唐家渝, 魏之远, 赵同阳): there they do
    /// not end the name (recognition/inner-given-name-characters.txt).
    /// </summary>
    private bool IsInnerGivenNameCharacter(char c) => data.InnerGivenNameCharacters.Contains(c);

    private static bool IsNameTag(string? tag) => tag is null or "nr" or "nrt" or "nrfg" or "nz" or "ns" or "x";

    private int TransliterationRunEnd(string text, int start, int limit)
    {
        var end = start;
        while (end < limit && end - start < 6 && (data.TransliterationCharacters.Contains(text[end]) || text[end] == '·')) end++;
        return end;
    }

    private void Add(Document document, Sentence sentence, int start, int end, double confidence)
    {
        var surface = document.Slice(start, end);
        if (data.IsGeneric(surface)) return;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Person", MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }

    /// <summary>
    /// The character before <paramref name="end"/> is a verb said twice around 了 (顾捷聊了聊, with end at 了): it ends no
    /// name, and a name may end right before it.
    /// </summary>
    private static bool IsReduplicatedVerb(string text, int end, int limit) =>
        end + 1 < limit && text[end] == '了' && text[end + 1] == text[end - 1];

    /// <summary>
    /// A particle or a verb's first character after a three-character name that follows a title, opens a list of
    /// founders or is listed with a person (联合创始人朱子航曾在…, 由刘国清于2013年创立, 何佩和林子墨都来自…): the segmenter
    /// may have joined the name's last character to it by a guess (航曾, 清于), yet the name ends there. A
    /// word of the dictionary there (组成 of 郑敏组成) is what follows a shorter name.
    /// </summary>
    private bool ParticleFollows(string text, int end, int limit) =>
        end < limit && StopCharacters.Contains(text[end]) && !StopCharacters.Contains(text[end - 1])
        && dictionary.DictionaryTag(text.Substring(end - 1, 2)) is null;

}
