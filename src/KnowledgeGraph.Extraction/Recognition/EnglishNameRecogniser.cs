using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Names written in Latin letters inside Chinese text (Inflection AI, Character.AI, a16z, GPT-4o, Sam Altman):
/// runs of capitalised or mixed words, split at titles, typed by the words around them (the noun they modify,
/// the cue before them, the names they are listed with) and by their shape.
/// </summary>
public sealed partial class EnglishNameRecogniser(RecognitionData data, Lexicon lexicon) : IPipelineStage
{
    /// <summary>Latin names of known companies and products: a word made of one and a version is a model (Qwen-Long, DeepSeek-V3).</summary>
    private readonly HashSet<string> _knownLatinNames = lexicon.Entries
        .Where(e => e.Type is "Product" or "Organization")
        .SelectMany(e => e.AllNames)
        .Where(n => n.Length >= 2 && n.All(c => c < '\u0250'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> OrganizationWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "organization-words");

    /// <summary>Words that make a name an organization even when it starts with another one's name (AMD Ventures).</summary>
    private static readonly HashSet<string> StrongOrganizationWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "strong-organization-words");

    /// <summary>Strong organization words that name a feature after a known product's name (Gemini Deep Research).</summary>
    private static readonly HashSet<string> FeatureWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "feature-words");

    /// <summary>Hardware categories written after a name (Grace CPU, RTX GPU): the name is the part before, a product.</summary>
    private static readonly HashSet<string> CategoryWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "category-words");

    /// <summary>A noun reached over modifiers (Covariant机器人基础模型) may be the company's product rather than its kind.</summary>
    private const double IndirectHeadConfidence = 0.6;

    private static readonly HashSet<string> Connectors = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "connectors");

    /// <summary>Lower-case words inside people's names (Alwaleed bin Talal, Ursula von der Leyen).</summary>
    private static readonly HashSet<string> NameParticles = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "name-particles");

    /// <summary>Words before a name that say what follows is its name (名为CLAIRE的AI引擎): the noun after 的 types it.</summary>
    private static readonly string[] NamingWords = LanguageData.EmbeddedWords.List("recognition/naming-words.tsv", "latin-names");

    /// <summary>A round's own name (Pre-A, Pre-B+) before 轮: the letter and a number are caught by their length.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[Pp]re-?[A-Ha-h]\d?\+*$")]
    private static partial System.Text.RegularExpressions.Regex RoundName();

    /// <summary>What follows a letter and a number that is a funding round (A1轮), not a name.</summary>
    private static readonly string[] RoundWords = LanguageData.EmbeddedWords.List("recognition/function-words.tsv", "round-words");

    /// <summary>Characters after a number that make it an amount, a count or a date (OpenAI 30亿美元, 75%的利润, Workday 2026财年), not a version.</summary>
    private static readonly string UnitCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "amount-units");

    public void Process(Document document)
    {
        var spans = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            var sentenceTokens = document.TokensOf(sentence).ToList();
            var run = new List<Token>();
            foreach (var token in sentenceTokens.Where(t => t.Tag is "eng" or "m" || t.Text == "&"))
            {
                if (run.Count > 0 && !Adjacent(document.Text, run[^1], token))
                {
                    Emit(document, spans, sentence, sentenceTokens, run);
                    run.Clear();
                }
                run.Add(token);
            }
            Emit(document, spans, sentence, sentenceTokens, run);
        }
    }

    /// <summary>Two Latin words belong to one name when only a single space separates them.</summary>
    private static bool Adjacent(string text, Token left, Token right) =>
        right.Range.Start == left.Range.End + 1 && text[left.Range.End] == ' ' || IsInitialBefore(text, left, right);

    /// <summary>A middle initial and its full stop (Ray O. Johnson, John C. McNeill) keep a person's name in one piece.</summary>
    private static bool IsInitialBefore(string text, Token left, Token right) =>
        IsInitial(text, left) && right.Range.Start == left.Range.End + 2 && text[left.Range.End + 1] == ' ';

    private static bool IsInitial(string text, Token word) =>
        word.Range.Length == 1 && char.IsAsciiLetterUpper(text[word.Range.Start]) && word.Range.End < text.Length && text[word.Range.End] == '.';

    private void Emit(Document document, MentionSpans spans, Sentence sentence, List<Token> sentenceTokens, List<Token> run)
    {
        var part = new List<Token>();
        foreach (var token in run)
        {
            if (data.Titles.Contains(token.Text))
            {
                EmitName(document, spans, sentence, sentenceTokens, part, titleBefore: false);
                part = [];
                continue;
            }
            part.Add(token);
        }
        var titleBefore = run.Count > part.Count && part.Count > 0;
        EmitName(document, spans, sentence, sentenceTokens, part, titleBefore);
    }

    private void EmitName(Document document, MentionSpans spans, Sentence sentence, List<Token> sentenceTokens, List<Token> words, bool titleBefore)
    {
        while (words.Count > 0 && !IsNameWord(words[0].Text)) words.RemoveAt(0);
        var category = false;
        // A category written before a capitalised name (数据中心CPU Grace) types it as one written after it does;
        // before a version (TPU v5e) it is part of the name.
        while (words.Count > 1 && CategoryWords.Contains(words[0].Text) && char.IsUpper(words[1].Text[0]) && !CategoryWords.Contains(words[1].Text))
        {
            words.RemoveAt(0);
            category = true;
        }
        while (words.Count > 1 && CategoryWords.Contains(words[^1].Text))
        {
            words.RemoveAt(words.Count - 1);
            category = true;
        }
        while (words.Count > 0 && (Connectors.Contains(words[^1].Text) || words[^1].Tag == "m" && (words.Count == 1 || IsAmount(document.Text, words[^1]))))
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0) return;
        if (KnownProductBefore(document, spans, words) is { } product)
        {
            var tailEnd = words[^1].Range.End;
            Add(document, spans, new Mention(new TextRange(product.Range.Start, tailEnd), document.Slice(product.Range.Start, tailEnd), "Product", MentionSource.Pattern, 0.8) { Sentence = sentence.Index });
            return;
        }
        if (words.All(w => data.EnglishStopwords.Contains(w.Text) || w.Tag == "m") || !words.Any(w => w.Text.Any(char.IsLetter))) return;
        if (!words.All(w => IsNameWord(w.Text) || Connectors.Contains(w.Text) || NameParticles.Contains(w.Text) || w.Tag == "m")) return;

        var text = document.Text;
        var start = words[0].Range.Start;
        var end = words[^1].Range.End;
        if (IsPartOfAddress(text, start, end)) return;
        if (words.Count == 1 && RecognitionData.IsQuantityOrVersion(words[0].Text)) return;
        if (words.Count == 1 && StartsInLowerCase(words[0].Text)) return;
        if (words.Any(w => Connectors.Contains(w.Text)) && !words.Any(w => OrganizationWords.Contains(w.Text) && w.Text != "AI")) return;
        if (IsTitleOfAWork(text, start, end, words)) return;
        if (words.Count == 1 && IsStockCode(text, start, end)) return;
        if (words.Count == 1 && RoundWords.Any(s => string.CompareOrdinal(text, end, s, 0, s.Length) == 0) && (words[0].Text.Length <= 3 || RoundName().IsMatch(words[0].Text))) return;
        if (IsGlossOfATerm(document, spans, sentenceTokens, start, end, words)) return;

        if (DivisionSuffixEnd(text, end) is { } divisionEnd)
        {
            Add(document, spans, new Mention(new TextRange(start, divisionEnd), document.Slice(start, divisionEnd), "Organization", MentionSource.Pattern, 0.8) { Sentence = sentence.Index });
            return;
        }
        end = PlusSignsEnd(text, end);
        var surface = document.Slice(start, end);
        titleBefore |= data.PersonIntroducerBefore(text, start) is not null || IsBracketedAfterName(document, spans, start, end)
                       || LooksLikePersonName(words, text) && IsBracketedAfterIntroducedName(document, spans, sentence, start, end);
        var tokenAfter = sentenceTokens.FindIndex(t => t.Range.Start >= Math.Max(end, EndWithCategoryWords(sentenceTokens, words)));
        var (head, modifiers, noun) = HeadNounType(document, sentenceTokens, tokenAfter, NamedBefore(text, start));
        if (head == RecognitionData.NotAnEntity || head is null && ListEndsAsNoEntity(document, sentenceTokens, tokenAfter))
        {
            document.NotNames.Add(surface);
            return;
        }
        var type = category ? "Product" : head ?? TypeOf(document, spans, sentence, start, end, words, titleBefore);
        if (type is null)
        {
            if (!titleBefore && data.TypeFromContext(text, start, end) == RecognitionData.NotAnEntity) document.NotNames.Add(surface);
            return;
        }
        var cue = head is null && !titleBefore ? data.CueAround(text, start, end) : null;
        var confidence = head is not null && data.WeakCues.Contains(noun!) || cue is not null && cue.Type == type && data.WeakCues.Contains(cue.Word) ? RecognitionData.WeakCueConfidence
            : head is not null && modifiers > 0 ? IndirectHeadConfidence
            : titleBefore || head is not null || cue is not null ? 0.8
            : type == "Person" && data.GivenNames.Contains(words[0].Text) ? 0.7 : 0.5;
        if (type == "Product" && words.Count == 1 && IsModelCode(words[0].Text) && SeriesNameBefore(spans, sentenceTokens, start) is { } series)
            (start, surface) = (series, document.Slice(series, end));
        Add(document, spans, new Mention(new TextRange(start, end), surface, type, MentionSource.Pattern, confidence) { Sentence = sentence.Index });
        if (type == "Person") AddChineseFormBeforeBrackets(document, spans, sentence, start, end);
    }

    /// <summary>
    /// A known product's Chinese name written right before the Latin words (盘古Pro MoE, 盘古Embedded 7B, 乾崑ADS 3.0):
    /// the words name one of its versions or editions, and the whole is that product's name. Not a Latin name the
    /// lexicon knows or a version of one (通义千问Qwen2.5 spells the product again), a name that a known name ending in
    /// a product's noun announces (百灵大模型Ling-Plus), a lone letter of a series (天神之眼C) or a word that only says what the product is (夸克AI, 文心一言App, 昇腾GPU).
    /// </summary>
    private Mention? KnownProductBefore(Document document, MentionSpans spans, List<Token> words)
    {
        var (start, end) = (words[0].Range.Start, words[^1].Range.End);
        if (words.Count == 1 && (words[0].Text.Length == 1 || NotEditionWords.Contains(words[0].Text)) || words.Any(w => CategoryWords.Contains(w.Text))) return null;
        if (_knownLatinNames.Contains(words[0].Text) || IsVersionOfKnownName(words[0].Text)) return null;
        if (spans.Overlapping(new TextRange(start, end)).Count > 0) return null;
        foreach (var known in spans.EndingAt(start))
        {
            if (known is { Source: MentionSource.Lexicon, Type: "Product" } && IsHan(document.Text[start - 1]) && !EndsWithProductCue(known.Text)) return known;
        }
        return null;
    }

    /// <summary>A known name ending in a product's noun (百灵大模型) announces the Latin name after it (Ling-Plus) instead.</summary>
    private bool EndsWithProductCue(string name) => RecognitionData.MatchEndingAt(data.ProductCues, name, name.Length) is not null;

    private static readonly HashSet<string> NotEditionWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "not-edition-words");

    /// <summary>
    /// Plus signs written right after a name are part of it (Command R+, LG U+, Face++), unless a Latin word or a
    /// digit follows them and the sign joins two names.
    /// </summary>
    private static int PlusSignsEnd(string text, int end)
    {
        var after = end;
        while (after < text.Length && text[after] == '+') after++;
        return after == end || after < text.Length && char.IsAsciiLetterOrDigit(text[after]) ? end : after;
    }

    /// <summary>
    /// A short code of letters and digits (A2, G1, SU7, C1200) that a product series is numbered by; a longer code is
    /// in capitals (NX9031), unlike a course's or a paper's number (CS231n).
    /// </summary>
    private static bool IsModelCode(string word) =>
        word.Length is >= 2 and <= 6 && char.IsAsciiLetterUpper(word[0]) && word.Any(char.IsAsciiDigit) && word.All(char.IsAsciiLetterOrDigit)
        && (word.Length <= 4 || !word.Any(char.IsAsciiLetterLower));

    /// <summary>
    /// The Chinese series name written right before a model code (远征A2, 精灵G1, 问界M9) is part of the product's
    /// name: a two-character noun or unknown word that is no category (机器人, 芯片), role or generic word, and
    /// no name already found (小米 in 小米SU7 is the maker).
    /// </summary>
    private int? SeriesNameBefore(MentionSpans spans, List<Token> sentenceTokens, int start)
    {
        var before = sentenceTokens.LastOrDefault(t => t.Range.End == start);
        if (before is null || before.Text.Length != 2 || !before.Text.All(IsHan)) return null;
        if (before.InDictionary && before.Tag is not ("n" or "nz" or "nr" or "ns" or "j" or "x")) return null;
        if (data.IsGeneric(before.Text) || data.ProductCues.Contains(before.Text) || data.Titles.Contains(before.Text)) return null;
        return spans.Overlapping(before.Range).Count == 0 ? before.Range.Start : null;
    }

    /// <summary>
    /// A Latin person's name in brackets spells the Chinese name right before them (段岩（Rocky Duan）,
    /// 伊藤錬（Ren Ito）): two to four characters back to a particle, a title or a punctuation mark.
    /// </summary>
    private void AddChineseFormBeforeBrackets(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return;
        var close = start - 1;
        if (spans.EndingAt(close).Count > 0) return;
        // An introduced name may be as long as a Japanese one (冈野原大辅); an unintroduced run is read to four characters.
        var introduced = IntroducedChineseNameStart(document, spans, sentence, close);
        var open = introduced ?? close;
        while (introduced is null && open > sentence.Range.Start && close - open < 4 && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
               && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) open--;
        if (close - open < 2 || open > sentence.Range.Start && text[open - 1] == '·') return;
        if (open > sentence.Range.Start && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
            && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) return;
        var name = document.Slice(open, close);
        // A person's name cut short inside the run (宫川润 of 宫川润一) gives way to the whole run the spelling names.
        if (data.IsGeneric(name) || spans.Overlapping(new TextRange(open, close)).Any(m => !(m.Type == "Person" && m.Range.Start >= open))) return;
        Add(document, spans, new Mention(new TextRange(open, close), name, "Person", MentionSource.Pattern, 0.75) { Sentence = sentence.Index });
    }

    /// <summary>
    /// Capitals or digits written as a listed company's stock code (股票代码为“WRD”, NASDAQ: PONY, 9660.HK, 以“ARM”为代码):
    /// a ticker, not another name of the company.
    /// </summary>
    private bool IsStockCode(string text, int start, int end)
    {
        if (!IsCodeShaped(text, start, end)) return false;
        var before = start;
        while (before > 0 && text[before - 1] is ' ' or '“' or '"' or '「' or '\'') before--;
        var after = end;
        while (after < text.Length && text[after] is ' ' or '”' or '"' or '」' or '\'') after++;
        foreach (var cue in data.TickerCues)
        {
            if (cue.Position == CuePosition.Before ? before >= cue.Word.Length && string.CompareOrdinal(text, before - cue.Word.Length, cue.Word, 0, cue.Word.Length) == 0
                    : string.CompareOrdinal(text, after, cue.Word, 0, cue.Word.Length) == 0
                      // A market's suffix (.HK) may be read into the code's word itself.
                      || cue.Word[0] == '.' && end - start > cue.Word.Length && string.CompareOrdinal(text, end - cue.Word.Length, cue.Word, 0, cue.Word.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>Upper-case letters, digits and the dot of a market's suffix (9660.HK): the shape of a stock code.</summary>
    private static bool IsCodeShaped(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '.')) return false;
        }
        return true;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static void Add(Document document, MentionSpans spans, Mention mention)
    {
        document.Mentions.Add(mention);
        spans.Add(mention);
    }

    /// <summary>A lower-case word (pro-32k, lite) is a variant or a common word; brands in lower case are in the lexicon.</summary>
    private static bool StartsInLowerCase(string word) =>
        word.Length >= 3 && word.Take(3).All(char.IsLower) && !word.Any(char.IsUpper);

    /// <summary>Several words in title marks are the title of a paper, book or post (《Attention Is All You Need》).</summary>
    private static bool IsTitleOfAWork(string text, int start, int end, List<Token> words) =>
        words.Count >= 3 && start > 0 && text[start - 1] == '《' && end < text.Length && text[end] == '》';

    /// <summary>A division named in English and Chinese together (AI Infra部, Seed事业部), not 部署 or 部门.</summary>
    private static int? DivisionSuffixEnd(string text, int end)
    {
        foreach (var suffix in DivisionSuffixes)
        {
            var after = end + suffix.Length;
            if (string.CompareOrdinal(text, end, suffix, 0, suffix.Length) == 0 && (after >= text.Length || !WordsStartingWithBu.Contains(text[after])))
                return after;
        }
        return null;
    }

    private static readonly string[] DivisionSuffixes = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "division-suffixes");

    /// <summary>Characters that make 部 the start of another word: 部分, 部署, 部长, 部门, 部件.</summary>
    private static readonly string WordsStartingWithBu = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "after-bu");

    private static bool IsAmount(string text, Token number) =>
        number.Range.End < text.Length && UnitCharacters.Contains(text[number.Range.End]);

    /// <summary>Where the tokens of the run end, including a category word removed from the name (Grace CPU).</summary>
    private static int EndWithCategoryWords(List<Token> sentenceTokens, List<Token> words)
    {
        var index = sentenceTokens.IndexOf(words[^1]);
        while (index + 1 < sentenceTokens.Count && CategoryWords.Contains(sentenceTokens[index + 1].Text)) index++;
        return sentenceTokens[index].Range.End;
    }

    private string? TypeOf(Document document, MentionSpans spans, Sentence sentence, int start, int end, List<Token> words, bool titleBefore)
    {
        var text = document.Text;
        // A company noun right before the name outweighs a given name and a person's verb after it
        // (初创公司Alex Codes, 风险投资公司Playground Global担任…).
        if (!titleBefore && AfterOrganizationNoun(text, start)) return "Organization";
        if (LooksLikePersonName(words, text) && (titleBefore || IsListedAfterPerson(document, spans, start) || data.GivenNames.Contains(words[0].Text)
                                                 || IsListedFounder(text, sentence, start, end) || IsParagraphLabel(text, start, end))) return "Person";
        if (SpellsOrganizationBefore(document, spans, sentence, start, end)) return "Organization";
        if (ExtendedLexiconType(spans, start, end, words) is { } extended) return extended;
        var cued = data.TypeFromContext(text, start, end);
        if (cued == RecognitionData.NotAnEntity) return null;
        if (cued is not null && (cued != "Person" || LooksLikePersonName(words, text))) return cued;
        if (HasOrganizationWord(words)) return "Organization";
        if (LooksLikeModelName(words) || FollowsKnownOrganization(spans, start)) return "Product";
        if (OwnedByCompany(document, spans, start, words) && !OrganizationNounFollows(document, sentence, end)) return "Product";
        if (IsEnumeratedAfterProduct(document, spans, start, end)) return "Product";
        if (words.Count == 1 && words[0].Text.Length < 3) return null;
        if (LooksLikePersonName(words, text)) return IsEnumeratedAfterOrganization(document, spans, start) ? "Organization" : null;
        return "Organization";
    }

    /// <summary>
    /// Capitalised words enumerated right after an organization (Lightspeed、Hallwood Media) are the next item of a
    /// list of organizations, not a person's name.
    /// </summary>
    private static bool IsEnumeratedAfterOrganization(Document document, MentionSpans spans, int start) =>
        start > 1 && document.Text[start - 1] == '、' && spans.EndingAt(start - 1).Any(m => m.Type == "Organization");

    /// <summary>
    /// A name enumerated right after a product (Atlassian的Jira、Fennick) is the next item of a list of products when
    /// nothing else types it, as one after an organization is the next organization. A name followed by 的 owns the
    /// next item instead (OpenAI的Sora、Luma的Ray): it is the next item's maker.
    /// </summary>
    private static bool IsEnumeratedAfterProduct(Document document, MentionSpans spans, int start, int end) =>
        start > 1 && document.Text[start - 1] == '、' && !(end < document.Text.Length && document.Text[end] == '的')
        && spans.EndingAt(start - 1).Any(m => m.Type == "Product");

    /// <summary>
    /// A name written right after a known organization's Chinese name is something of that organization's
    /// (苹果Xcode, 百度Apollo): its product, when nothing else types it.
    /// </summary>
    private static bool FollowsKnownOrganization(MentionSpans spans, int start) =>
        spans.EndingAt(start).Any(m => m.Source == MentionSource.Lexicon && m.Type == "Organization" && m.Text.Any(IsHan));

    /// <summary>
    /// A name written as a company's thing (Agility Robotics的Digit, Humane的Pin) is its product when nothing else
    /// types it. A university's or an institute's thing is a lab or a programme instead (慕尼黑大学的CompVis), and a
    /// short acronym (Meta的FAIR) may as well be one of the company's units: both are left to the default.
    /// </summary>
    private bool OwnedByCompany(Document document, MentionSpans spans, int start, List<Token> words) =>
        start > 1 && document.Text[start - 1] == '的' && spans.EndingAt(start - 1).Any(IsCompany)
        && !(words.Count == 1 && words[0].Text.Length <= MaxAcronymLength && words[0].Text.All(char.IsAsciiLetterUpper));

    /// <summary>
    /// An organization the lexicon calls a company, or an unknown one written in Latin letters; an unknown Chinese
    /// name may as well be a university's or an institute's.
    /// </summary>
    private bool IsCompany(Mention mention) =>
        mention.Type == "Organization" && (mention.LexiconId is { } id ? lexicon.ById(id)?.Kind == "company" : !mention.Text.Any(IsHan));

    private const int MaxAcronymLength = 5;

    /// <summary>
    /// A word of a company's name (Labs, Technologies) among the words. AI before a size or a version is part of a
    /// model's name (Rakuten AI 7B), not a company's ending. A loop, not a lambda over the words: a lambda capturing
    /// them would cost <see cref="TypeOf"/> an allocation on every call, however early it returns.
    /// </summary>
    private static bool HasOrganizationWord(List<Token> words)
    {
        foreach (var word in words)
        {
            if (OrganizationWords.Contains(word.Text) && !(word.Text == "AI" && words.Any(IsSizeOrVersionCode))) return true;
        }
        return false;
    }

    /// <summary>A word of letters and digits (7B, V2, 4o) that sizes or numbers a model, unlike a plain version (2.0).</summary>
    private static bool IsSizeOrVersionCode(Token word) => word.Text.Any(char.IsDigit) && word.Text.Any(char.IsLetter);

    /// <summary>
    /// An organization's noun among the next two words (慕尼黑大学的CompVis研究团队) makes the name a group of the
    /// owner, not its product: the nouns are the context cues that type an organization from after it.
    /// </summary>
    private bool OrganizationNounFollows(Document document, Sentence sentence, int end)
    {
        var following = document.TokensOf(sentence).Where(t => t.Range.Start >= end).Take(2);
        return following.Any(t => t.Tag is "n" or "nt" or "ng" && _organizationNounsAfter.Contains(t.Text));
    }

    /// <summary>The context cues that type an organization from after it (研究团队, 实验室), as a set read once.</summary>
    private readonly HashSet<string> _organizationNounsAfter = data.ContextCues
        .Where(c => c.Position == CuePosition.After && c.Type == "Organization").Select(c => c.Word).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A Latin name in brackets spells the organization's name before it: one already found (三星证券（Samsung
    /// Securities）), or a Chinese term that an organization noun introduces (背后的公司蝴蝶效应（Butterfly Effect）),
    /// which is then a name too.
    /// </summary>
    private bool SpellsOrganizationBefore(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        var close = start - 1;
        var before = spans.EndingAt(close);
        if (before.Count > 0) return before.Any(m => m.Type == "Organization");
        var term = document.TokensOf(sentence).LastOrDefault(t => t.Range.End == close);
        if (term is null || term.Text.Length < 2 || !term.Text.All(IsHan) || data.IsGeneric(term.Text)) return false;
        if (!IntroducedAsOrganization(text, term)) return false;
        Add(document, spans, new Mention(term.Range, term.Text, "Organization", MentionSource.Pattern, 0.75) { Sentence = sentence.Index });
        return true;
    }

    /// <summary>
    /// A run that starts with or ends in a known name and adds words to it is another thing named after it:
    /// a model's version (Kimi k1.5, ERNIE 4.0), a company's fund (AMD Ventures) or product (AMD Instinct).
    /// </summary>
    private string? ExtendedLexiconType(MentionSpans spans, int start, int end, List<Token> words)
    {
        if (IsVersionOfKnownName(words[0].Text)) return "Product";
        var inner = spans.Within(new TextRange(start, end)).Where(m => m.Source == MentionSource.Lexicon).OrderBy(m => m.Range.Start).ToList();
        if (MentionSelector.OpensWithMakerOfProduct(inner, new TextRange(start, end))) inner.RemoveAt(0);
        if (inner.Count != 1 || inner[0].Range.Length == end - start) return null;
        // A company's word after a known name names another organization (AMD Ventures, Helix Robotics); a feature
        // word after a known product's name opening the run names one of its features (Gemini Deep Research).
        var extendsProduct = inner[0].Type == "Product" && inner[0].Range.Start == start;
        if (words.Any(w => StrongOrganizationWords.Contains(w.Text) && !(extendsProduct && FeatureWords.Contains(w.Text)))) return "Organization";
        return inner[0].Type is "Product" or "Organization" ? "Product" : null;
    }

    private bool IsVersionOfKnownName(string word)
    {
        var cut = word.IndexOfAny(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        return cut >= 2 && cut < word.Length - 1 && _knownLatinNames.Contains(word[..cut]);
    }

    /// <summary>
    /// The noun right after the name, or after one or two modifiers (ACF SuperNIC网络芯片), or after 的 when the
    /// name was introduced as a name (名为CLAIRE的AI引擎).
    /// </summary>
    private (string? Type, int Modifiers, string? Noun) HeadNounType(Document document, List<Token> tokens, int index, bool named)
    {
        if (index < 0) return (null, 0, null);
        var text = document.Text;
        while (index < tokens.Count && tokens[index].Text is "）" or ")" or "”" or "」" or "》") index++;
        index = AfterChineseGloss(document.Text, tokens, index);
        // A list closed by 等 is of the kind the noun after it says (Wormhole、Blackhole等AI加速卡).
        if (index < tokens.Count && tokens[index].Text is "等" or "等等") index++;
        if (named && index < tokens.Count && tokens[index].Text == "的") index++;
        for (var skipped = 0; index < tokens.Count && skipped <= MaxWorkModifiers; index++, skipped++)
        {
            var token = tokens[index];
            foreach (var (type, noun) in data.HeadNouns)
            {
                // A third modifier is read only on the way to a noun that rules the name out (Switchboard对话语音识别任务).
                if (skipped > MaxModifiers && type != RecognitionData.NotAnEntity) continue;
                if (string.CompareOrdinal(text, token.Range.Start, noun, 0, noun.Length) == 0) return (type, skipped, noun);
                if (token.Text.Length > noun.Length && token.Text.EndsWith(noun, StringComparison.Ordinal) && IsModifier(token) && skipped < MaxWorkModifiers) return (type, skipped + 1, noun);
            }
            if (!IsModifier(token) && !(named && token.Tag == "v")) return (null, 0, null);
        }
        return (null, 0, null);
    }

    /// <summary>
    /// A list of Latin names that the name opens or goes on with, ended by a noun or a cue that rules its items out
    /// (Mask R-CNN、MoCo、MAE等一系列工作, Transformer-XL和XLNet的作者之一): every item is such a work, not only the
    /// last one the noun or the cue stands next to.
    /// </summary>
    private bool ListEndsAsNoEntity(Document document, List<Token> tokens, int index)
    {
        if (index < 0) return false;
        var listEnd = -1;
        while (index + 1 < tokens.Count && ListJoints.Contains(tokens[index].Text) && tokens[index + 1].Tag == "eng")
        {
            index++;
            while (index < tokens.Count && tokens[index].Tag is "eng" or "m") index++;
            listEnd = index;
        }
        if (listEnd < 0 || listEnd >= tokens.Count) return false;
        var at = tokens[listEnd].Range.Start;
        return HeadNounType(document, tokens, listEnd, named: false).Type == RecognitionData.NotAnEntity
               || data.TypeFromContext(document.Text, at, at) == RecognitionData.NotAnEntity;
    }

    private static readonly HashSet<string> ListJoints = LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "english-names");

    private const int MaxModifiers = 2;
    private const int MaxWorkModifiers = 3;

    /// <summary>How many characters a bracketed Chinese gloss between a name and its noun may hold (IPU（智能处理单元）芯片).</summary>
    private const int MaxGlossLength = 12;

    /// <summary>
    /// The token after a bracketed gloss in Chinese that opens at <paramref name="index"/> (LPU（语言处理单元）芯片): the
    /// gloss explains the name, and the noun after it still tells what the name is. A bracket with Latin letters or
    /// digits spells or dates the name instead, and leaves the index where it is.
    /// </summary>
    private static int AfterChineseGloss(string text, List<Token> tokens, int index)
    {
        if (index >= tokens.Count || tokens[index].Text is not ("（" or "(")) return index;
        var opening = tokens[index].Range.End;
        var closing = text.IndexOfAny(['）', ')'], opening, Math.Min(MaxGlossLength + 1, text.Length - opening));
        if (closing <= opening) return index;
        for (var i = opening; i < closing; i++)
        {
            if (text[i] is < '\u4e00' or > '\u9fff') return index;
        }
        var after = index;
        while (after < tokens.Count && tokens[after].Range.Start <= closing) after++;
        return after;
    }

    private bool IsModifier(Token token) =>
        token.Tag is "n" or "vn" or "nz" or "ns" or "x" or "b" or "an" or "l" or "ng" or "j" || token.Tag == "eng" && data.EnglishStopwords.Contains(token.Text)
        || data.ModifierVerbs.Contains(token.Text);

    /// <summary>A naming word (名为, 代号为) right before the name, or before the quotation mark opening it (代号为“Orion”).</summary>
    private static bool NamedBefore(string text, int start)
    {
        if (start > 0 && text[start - 1] is '“' or '「' or '"') start--;
        return NamingWords.Any(w => start >= w.Length && string.CompareOrdinal(text, start - w.Length, w, 0, w.Length) == 0);
    }

    /// <summary>
    /// English in brackets right after a common Chinese term glosses the term (混合专家（MoE）, 思维树（Tree of
    /// Thoughts）); after a name it spells the name, and that case has a recognised mention before the bracket.
    /// </summary>
    /// <summary>An organization noun stands right before the term (公司蝴蝶效应): the term is the organization's name.</summary>
    private bool IntroducedAsOrganization(string text, Token term) => AfterOrganizationNoun(text, term.Range.Start);

    private bool AfterOrganizationNoun(string text, int start) =>
        data.HeadNouns.Any(h => h.Type == "Organization" && start >= h.Noun.Length
                                && string.CompareOrdinal(text, start - h.Noun.Length, h.Noun, 0, h.Noun.Length) == 0);

    private bool IsGlossOfATerm(Document document, MentionSpans spans, List<Token> sentenceTokens, int start, int end, List<Token> words)
    {
        var text = document.Text;
        if (start < 2 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        if (LooksLikePersonName(words, text)) return false;
        if (spans.EndingAt(start - 1).Count > 0 || text[start - 2] is '》' or '”' or '」' && spans.EndingAt(start - 2).Count > 0) return false;
        if (text[start - 2] is '》' or '”' or '」') return true;
        if (words.Any(w => OrganizationWords.Contains(w.Text))) return false;
        if (RecognitionData.MatchEndingAt(data.OrganizationSuffixes, text, start - 1) is not null) return false;
        var before = sentenceTokens.LastOrDefault(t => t.Range.End == start - 1);
        return before is not null && before.InDictionary && before.Tag is "n" or "vn" or "v" or "l" or "a" && !data.IsTransliteration(before.Text)
               && !IntroducedAsOrganization(text, before);
    }

    /// <summary>
    /// A person's name listed after another person's (纳文·拉奥（Naveen Rao）和Hanlin Tang), perhaps with a short
    /// description of its own before it (Jason Warner与连续创业者Eiso Kant, David Ha、Transformer论文作者之一Llion Jones).
    /// </summary>
    private static bool IsListedAfterPerson(Document document, MentionSpans spans, int start)
    {
        var text = document.Text;
        var position = start;
        for (var described = 0; described < MaxListItemDescription && position > 1 && IsDescriptionCharacter(text[position - 1])
             && text[position - 1] is not ('和' or '与' or '及' or '、'); described++) position--;
        if (position > 0 && text[position - 1] is '和' or '与' or '及' or '、') position--;
        else return false;
        if (position > 0 && text[position - 1] is '）' or ')')
        {
            var open = text.LastIndexOfAny(['（', '('], position - 1);
            if (open < 0) return false;
            position = open;
        }
        return spans.EndingAt(position).Any(m => m.Type == "Person");
    }

    private const int MaxListItemDescription = 20;

    /// <summary>
    /// A name between 由 and a founding verb of its clause (Deci由Yonatan Geifman、Jonathan Elial和…共同创立) is one of
    /// the founders listed there: a name shaped like a person's is a person's, first in the list or not, as the
    /// Chinese founders' lists are read (companies founding a company carry a company's word: Capital, AI, Labs).
    /// </summary>
    private bool IsListedFounder(string text, Sentence sentence, int start, int end)
    {
        var clauseStart = start;
        while (clauseStart > sentence.Range.Start && !ClauseMarks.Contains(text[clauseStart - 1])) clauseStart--;
        if (clauseStart == start || text.LastIndexOf('由', start - 1, start - clauseStart) < 0) return false;
        var clauseEnd = end;
        while (clauseEnd < sentence.Range.End && !ClauseMarks.Contains(text[clauseEnd])) clauseEnd++;
        foreach (var verb in data.FoundingVerbs)
        {
            if (text.IndexOf(verb, end, clauseEnd - end, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// A name shaped like a person's that opens a paragraph before a colon labels it with a person: a profile's
    /// heading (Milan Kovac：Optimus的操盘手) or an interview's speaker (Jae Lee：我们有两个核心模型).
    /// </summary>
    private static bool IsParagraphLabel(string text, int start, int end) =>
        (start == 0 || text[start - 1] == '\n') && end < text.Length && text[end] is '：' or ':';

    /// <summary>Marks that end a clause; a bracket's spelling (菲亚松（JJ Fiasson）) stays inside it.</summary>
    private const string ClauseMarks = "，,。；;：:！？!?";

    private static bool IsDescriptionCharacter(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c) || c == ' ';

    /// <summary>A name in brackets right after a Chinese name spells it (奥列格·维尔哈文斯基（Oleg Verhavensky）).</summary>
    private static bool IsBracketedAfterName(Document document, MentionSpans spans, int start, int end) =>
        start >= 2 && document.Text[start - 1] is '（' or '(' && end < document.Text.Length && document.Text[end] is '）' or ')'
        && spans.EndingAt(start - 1).Any(m => m.Type == "Person");

    /// <summary>
    /// A person's Latin name in brackets after a Chinese one the person recogniser may not know (a Japanese or Korean
    /// name: 社长岛田明（Akira Shimada）, 由西川彻（Toru Nishikawa）和…): the Chinese run before the bracket is
    /// introduced by a title, opened by 由, or listed after a person (和, 与, 、: not after a brand, 星球大战（Star Wars）),
    /// and no organization or product is named in it.
    /// </summary>
    private bool IsBracketedAfterIntroducedName(Document document, MentionSpans spans, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (start < 3 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        return IntroducedChineseNameStart(document, spans, sentence, start - 1) is { } open
               && !spans.Overlapping(new TextRange(open, start - 1)).Any(m => m.Type != "Person");
    }

    /// <summary>Where the Chinese name before a bracket starts when a title, 由 or a person listed before introduces it.</summary>
    private int? IntroducedChineseNameStart(Document document, MentionSpans spans, Sentence sentence, int close) =>
        ChineseNameBefore(document.Text, sentence, close) is { } open
        && (RecognitionData.MatchEndingAt(data.PersonIntroducers, document.Text, open) is not null || document.Text[open - 1] == '由'
            || IsListedAfterPerson(document, spans, open))
            ? open
            : null;

    /// <summary>Where the two to five Han characters before <paramref name="close"/> start, back to a particle, a title or a mark.</summary>
    private int? ChineseNameBefore(string text, Sentence sentence, int close)
    {
        var open = close;
        while (open > sentence.Range.Start && close - open < MaxBracketedChineseName && IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
               && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) open--;
        if (close - open < 2 || open <= sentence.Range.Start || text[open - 1] == '·') return null;
        if (IsHan(text[open - 1]) && !PersonNameRecogniser.StopCharacters.Contains(text[open - 1])
            && RecognitionData.MatchEndingAt(data.PersonIntroducers, text, open) is null) return null;
        return open;
    }

    private const int MaxBracketedChineseName = 5;

    /// <summary>Words of a web address or file name (example.com/a/99314.shtml) are not names.</summary>
    private static bool IsPartOfAddress(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '/' or '.' or '@' or ':' || end < text.Length && text[end] is '/' or '@') return true;
        var word = text[start..end];
        return word.Contains(".com", StringComparison.OrdinalIgnoreCase) || word.Contains("html", StringComparison.OrdinalIgnoreCase)
               || word.StartsWith("www", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Name words start with a capital or a digit, or mix cases as brands do (xAI, a16z, iPhone).</summary>
    private static bool IsNameWord(string word) =>
        word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c)));

    /// <summary>
    /// Two to four words, capitalised and in lower case after the capital or a hyphen (Al-Dahle, O'Brien), with
    /// particles between them (bin, von), none of them a common English word (The Information is no person).
    /// </summary>
    private bool LooksLikePersonName(List<Token> words) =>
        words.Count is >= 2 and <= 4 && IsPersonNameWord(words[0].Text) && IsPersonNameWord(words[^1].Text)
        && words.All(w => IsPersonNameWord(w.Text) || NameParticles.Contains(w.Text))
        && !words.Any(w => OrganizationWords.Contains(w.Text) || data.EnglishStopwords.Contains(w.Text));

    /// <summary>As above, with middle initials allowed between the first and the last word (Ray O. Johnson).</summary>
    private bool LooksLikePersonName(List<Token> words, string text) =>
        LooksLikePersonName(words.Where((w, i) => i == 0 || i == words.Count - 1 || !IsInitial(text, w)).ToList());

    private static bool IsPersonNameWord(string word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0])) return false;
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLower(c) || c is '-' or '\'') continue;
            if (char.IsUpper(c) && word[i - 1] is '-' or '\'') continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// A word of letters and digits (GPT-4o, 7B), a version number after the name (INMO Air 3), or a model's edition
    /// or letter after it (Rokid Max, Solar Pro, AION S, Gripen E): companies are not named with either.
    /// </summary>
    private static bool LooksLikeModelName(List<Token> words) =>
        words.Any(w => w.Text.Any(char.IsDigit) && w.Text.Any(char.IsLetter))
        || words.Count >= 2 && (words[^1].Tag == "m" || EditionWords.Contains(words[^1].Text) || IsModelLetter(words[^1].Text));

    /// <summary>Words that name a model's edition after its series (Max, Pro, Ultra), never a company's ending.</summary>
    private static readonly HashSet<string> EditionWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "edition-words");

    /// <summary>One capital letter closing a name (Model Y, AION S) is the model's letter; a person's initial comes before the surname.</summary>
    private static bool IsModelLetter(string word) => word.Length == 1 && char.IsAsciiLetterUpper(word[0]);
}
