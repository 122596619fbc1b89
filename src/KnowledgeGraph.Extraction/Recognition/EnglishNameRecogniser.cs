using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Names written in Latin letters inside Chinese text (Inflection AI, Character.AI, a16z, GPT-4o, Sam Altman):
/// runs of capitalised or mixed words, split at titles, typed by the words around them (the noun they modify,
/// the cue before them, the names they are listed with) and by their shape. This part cuts the runs into names;
/// the other parts say where a name reaches beyond its words (.Extents), which runs are no name (.NotNames), what the
/// noun after a name makes it (.HeadNouns), what types it otherwise (.Typing) and what makes it a person's (.People).
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

    /// <summary>Words that end an event's name (Day, Summit, Conference).</summary>
    private static readonly HashSet<string> EventWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "event-words");

    /// <summary>Hardware categories written after a name (Grace CPU, RTX GPU): the name is the part before, a product.</summary>
    private static readonly HashSet<string> CategoryWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "category-words");

    /// <summary>A noun reached over modifiers (Covariant机器人基础模型) may be the company's product rather than its kind.</summary>
    private const double IndirectHeadConfidence = 0.6;

    private static readonly HashSet<string> Connectors = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "connectors");

    /// <summary>Lower-case words inside people's names (Alwaleed bin Talal, Ursula von der Leyen).</summary>
    private static readonly HashSet<string> NameParticles = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "name-particles");

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
        // An event named by its host or theme and an event word (特斯拉的AI Day, 年度峰会Snowflake Summit) is neither the host nor a product.
        if (words.Count >= 2 && EventWords.Contains(words[^1].Text))
        {
            document.NotNames.Add(document.Slice(start, end));
            return;
        }

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
        // A list's noun reaches its earlier items over the later ones, as a noun reached over modifiers does.
        if (head is null && ListEndType(document, sentenceTokens, tokenAfter) is { Type: not null } listed) (head, modifiers, noun) = (listed.Type, 1, listed.Noun);
        if (head == RecognitionData.NotAnEntity)
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

    private static void Add(Document document, MentionSpans spans, Mention mention)
    {
        document.Mentions.Add(mention);
        spans.Add(mention);
    }

    /// <summary>A lower-case word (pro-32k, lite) is a variant or a common word; brands in lower case are in the lexicon.</summary>
    private static bool StartsInLowerCase(string word) =>
        word.Length >= 3 && word.Take(3).All(char.IsLower) && !word.Any(char.IsUpper);

    private static bool IsAmount(string text, Token number) =>
        number.Range.End < text.Length && UnitCharacters.Contains(text[number.Range.End]);

    /// <summary>Name words start with a capital or a digit, or mix cases as brands do (xAI, a16z, iPhone).</summary>
    private static bool IsNameWord(string word) =>
        word.Length > 0 && (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c)));
}
