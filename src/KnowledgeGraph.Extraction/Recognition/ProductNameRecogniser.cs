using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Products named after a product noun (AI应用Pi, 大模型Kimi), in quotes or title marks after a launch verb
/// (发布《…》, 推出“…”), or by a proper name before a product noun (日日新大模型).
/// </summary>
public sealed partial class ProductNameRecogniser(RecognitionData data, JiebaTokenizer dictionary) : IPipelineStage
{
    private static readonly string[] LaunchVerbs = LanguageData.EmbeddedWords.List("recognition/launch-verbs.txt");

    private const int MaxQuotedLength = 20;

    /// <summary>
    /// A quoted name written in Latin letters only takes more characters than a Chinese one for as many words
    /// (“Cristal intelligence”, “AI @ Morgan Stanley Assistant”).
    /// </summary>
    private const int MaxQuotedLatinLength = 32;

    /// <summary>How far after a launch verb a quoted name may open when a product noun stands right before it.</summary>
    private const int MaxDescribedGap = 16;

    public void Process(Document document)
    {
        FindVersionsOfKnownProducts(document);
        FindModelsAfterMakers(document);
        foreach (var sentence in document.Sentences)
        {
            FindAfterProductNouns(document, sentence);
            FindQuotedAfterLaunch(document, sentence);
            FindQuotedAfterProductNouns(document, sentence);
            FindQuotedAfterNamingWords(document, sentence);
            FindQuotedBeforeProductNouns(document, sentence);
            FindLowerCaseLatinNames(document, sentence);
            FindNumberedAtProductNouns(document, sentence);
            FindCoinedBeforeKinds(document, sentence);
        }
    }

    /// <summary>
    /// A known product followed by a version number is that version, a product of its own (文心大模型4.0,
    /// 盘古大模型5.5, Baichuan 4); a number that counts or measures something (H100 8卡, 2024年) is no version.
    /// </summary>
    private static void FindVersionsOfKnownProducts(Document document)
    {
        var text = document.Text;
        foreach (var known in document.Mentions.Where(m => m.Source == MentionSource.Lexicon && m.Type == "Product").ToList())
        {
            var match = RecognitionData.VersionAfter(text, known.Range.End) ?? ModelNumberAfterChineseName(text, known);
            if (match is null) continue;
            var end = known.Range.End + match.Length;
            document.Mentions.Add(new Mention(new TextRange(known.Range.Start, end), text[known.Range.Start..end], "Product", MentionSource.Pattern, 0.85) { Sentence = known.Sentence });
        }
    }

    /// <summary>
    /// A model code right after the Chinese name of an organization the article names, or after that name without its
    /// two-character ending (雷鸟V3 where the article names 雷鸟创新, 松延动力N2, 蔚来ET9), is a product named after its
    /// maker, with its edition (小米15S Pro, 小米14 Ultra); a code the lexicon knows (英伟达H100) keeps its own mention,
    /// while one only read as a Latin name (小鹏G9, 哈弗H6) is the end of the longer name. A two-digit model (极越01,
    /// 魅族22系列) needs a product noun before the name or after the number. So is a device named by the maker or its
    /// known product, a Latin tag and a device noun (小米AI眼镜, 夸克AI眼镜).
    /// </summary>
    private void FindModelsAfterMakers(Document document)
    {
        var text = document.Text;
        var makerNames = document.Mentions.Where(m => m.Type == "Organization" && m.Text.Length >= 2 && IsHan(m.Text[^1]))
            .SelectMany(m => m.Text.Length >= 4 && m.Text.All(IsHan) ? [m.Text, m.Text[..^2]] : new[] { m.Text })
            .Concat(document.Mentions.Where(m => m.Type == "Product" && m.Source == MentionSource.Lexicon && m.Text.Length >= 2 && m.Text.All(IsHan)).Select(m => m.Text))
            .Distinct()
            .ToList();
        if (makerNames.Count == 0) return;
        // A lexicon name over the code keeps it (英伟达H100, 蔚来ET9), and so does a product named from further left; a
        // Latin name read from the code on (G9 of 小鹏G9) or a bare word another recogniser took (AI) does not.
        var known = document.Mentions.Where(m => m.Source == MentionSource.Lexicon || m.Type == "Product").ToList();
        var added = new HashSet<int>();
        foreach (var name in makerNames)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var nameEnd = at + name.Length;
                // Models and device tags open with a digit or a capital (G9, 15S, AI眼镜): a cheap test before their regexes.
                if (nameEnd >= text.Length || !char.IsAsciiDigit(text[nameEnd]) && !char.IsAsciiLetterUpper(text[nameEnd])) continue;
                var model = ModelAfterMakerName(text, at, nameEnd);
                if ((model ?? TaggedDeviceAfter(text, nameEnd, data.DeviceNouns)) is not { } code || !added.Add(at)) continue;
                var codeRange = new TextRange(nameEnd, nameEnd + code.Length);
                var readAlone = known.Where(k => k.Range.Overlaps(codeRange)).ToList();
                if (readAlone.Any(k => k.Source == MentionSource.Lexicon || k.Range.Start < nameEnd || k.Range.End > codeRange.End)) continue;
                if ((readAlone.Count > 0 || model is not null && ModelNumberAfterChineseName(text, nameEnd) != model) && !IsMakersModel(text, name, code)) continue;
                var sentence = document.SentenceContaining(at);
                if (sentence is null || !sentence.Range.Contains(codeRange.End - 1)) continue;
                document.Mentions.Add(new Mention(new TextRange(at, codeRange.End), text[at..codeRange.End], "Product", MentionSource.Pattern, 0.8) { Sentence = sentence.Index });
            }
        }
    }

    /// <summary>
    /// Where the code alone was read as a name (G9) or is a short one (15S Pro, 01), it is the maker's model only where the
    /// article names the maker on its own too and never writes the code without the maker's name: an article that does
    /// (禾赛AT128 as a heading over AT128 in the text) names the model by its code, and a maker named only inside its
    /// models' names (沃尔沃EX90) would be lost as a company.
    /// </summary>
    private bool IsMakersModel(string text, string name, string code)
    {
        var namedAlone = false;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0 && !namedAlone; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            namedAlone = ModelAfterMakerName(text, at, at + name.Length) is null && TaggedDeviceAfter(text, at + name.Length, data.DeviceNouns) is null;
        if (!namedAlone) return false;
        for (var at = text.IndexOf(code, StringComparison.Ordinal); at >= 0; at = text.IndexOf(code, at + 1, StringComparison.Ordinal))
        {
            var bounded = (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])) && (at + code.Length >= text.Length || !char.IsAsciiLetterOrDigit(text[at + code.Length]));
            if (bounded && !(at >= name.Length && text.AsSpan(at - name.Length, name.Length).SequenceEqual(name))) return false;
        }
        return true;
    }

    /// <summary>
    /// The model right after a maker's name ending at <paramref name="nameEnd"/>: a model number or code and the edition
    /// written after it (15S Pro, 14 Ultra), or two digits a product noun announces (车型极越01, 魅族22系列); or null.
    /// </summary>
    private string? ModelAfterMakerName(string text, int nameStart, int nameEnd)
    {
        if (nameEnd <= 0 || !IsHan(text[nameEnd - 1])) return null;
        if (ModelNumberAfterChineseName(text, nameEnd) is { } model) return model + EditionAt(text, nameEnd + model.Length);
        var match = ShortModelNumber().Match(text, nameEnd);
        if (!match.Success) return null;
        var (code, end) = (match.Value, nameEnd + match.Length);
        if (EditionAt(text, end) is { } edition) return code + edition;
        var announced = RecognitionData.MatchEndingAt(data.ProductCues, text, nameStart) is not null
                        || RecognitionData.MatchStartingAt(data.ProductCues, text, end, text.Length) is not null
                        || data.ContextCues.Any(c => c.Position == CuePosition.After && c.Type == "Product" && text.AsSpan(end).StartsWith(c.Word, StringComparison.Ordinal));
        return announced && (end >= text.Length || !QuantityCharacters.Contains(text[end])) ? code : null;
    }

    /// <summary>
    /// Whether the rest of a product's name after the Chinese name ending at <paramref name="nameEnd"/> is all a model
    /// with its edition (小米|15S Pro, 小鹏|G9, 极越|01): what <see cref="ModelAfterMakerName"/> reads there.
    /// </summary>
    public static bool EndsWithModel(string productName, int nameEnd)
    {
        if (nameEnd <= 0 || nameEnd >= productName.Length || !IsHan(productName[nameEnd - 1])) return false;
        var match = ModelNumber().Match(productName, nameEnd) is { Success: true } model ? model : ShortModelNumber().Match(productName, nameEnd);
        if (!match.Success) return false;
        var end = nameEnd + match.Length;
        return end == productName.Length || end + (EditionAt(productName, end)?.Length ?? 0) == productName.Length;
    }

    /// <summary>An edition word after a space (" Pro", " Ultra") closing a model number at <paramref name="end"/>, or null.</summary>
    private static string? EditionAt(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ') return null;
        var wordEnd = end + 1;
        while (wordEnd < text.Length && char.IsAsciiLetter(text[wordEnd])) wordEnd++;
        return wordEnd > end + 1 && EditionWords.Contains(text[(end + 1)..wordEnd]) ? text[end..wordEnd] : null;
    }

    private static readonly HashSet<string> EditionWords = LanguageData.EmbeddedWords.Set("recognition/english-name-words.tsv", "edition-words");

    /// <summary>A phone's or car's model of two digits, with a letter (15S, 01): the edition or a product noun decides.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\G\d{2}[A-Z]?(?![0-9A-Za-z.])")]
    private static partial System.Text.RegularExpressions.Regex ShortModelNumber();

    /// <summary>An upper-case Latin tag and a device noun (AI眼镜) right after a maker's name, or null.</summary>
    public static string? TaggedDeviceAfter(string text, int nameEnd, IReadOnlyList<string> deviceNouns)
    {
        var end = nameEnd;
        while (end < text.Length && char.IsAsciiLetterUpper(text[end])) end++;
        if (end - nameEnd is < 2 or > MaxDeviceTag) return null;
        var noun = RecognitionData.MatchStartingAt(deviceNouns, text, end, text.Length);
        return noun is null ? null : text[nameEnd..(end + noun.Length)];
    }

    private const int MaxDeviceTag = 3;

    /// <summary>
    /// Chinese chip and device series are numbered in hundreds (思元590, 昇腾910B, 天玑9300) and models by a letter code
    /// (混元T1, 讯飞星火X1): right after the Chinese name, such a number is the model, unless a unit makes it a
    /// quantity (星火100万).
    /// </summary>
    private static string? ModelNumberAfterChineseName(string text, Mention known) => ModelNumberAfterChineseName(text, known.Range.End);

    /// <summary>The model number or code (590, 910B, T1, X1) right after a Chinese product name ending at <paramref name="nameEnd"/>.</summary>
    public static string? ModelNumberAfterChineseName(string text, int nameEnd)
    {
        if (nameEnd <= 0 || !IsHan(text[nameEnd - 1])) return null;
        var match = ModelNumber().Match(text, nameEnd);
        if (!match.Success) return null;
        var end = nameEnd + match.Length;
        return end < text.Length && QuantityCharacters.Contains(text[end]) ? null : match.Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G(?:\d{3,4}[A-Z]?|[A-Z]{1,2}\d{1,4}[A-Za-z]?)(?![0-9A-Za-z.])")]
    private static partial System.Text.RegularExpressions.Regex ModelNumber();

    private static readonly string QuantityCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "model-number-stops");

    private void FindAfterProductNouns(Document document, Sentence sentence)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence).ToList();
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            var cue = RecognitionData.MatchEndingAt(data.ProductCues, text, tokens[t].Range.End);
            if (cue is null || !cue.Any(c => c > '\u2E80')) continue;
            if (tokens[t + 1].Range.Start - tokens[t].Range.End > 1) continue;
            if (cue.Length >= MinUnquotedCueLength && CoinedNameEndAfterNoun(document, sentence, tokens, t + 1) is { } coinedEnd)
            {
                Add(document, sentence, tokens[t + 1].Range.Start, coinedEnd, data.WeakCues.Contains(cue) ? RecognitionData.WeakCueConfidence : 0.75);
                continue;
            }
            // The noun announces every name of a list after it (四足机器狗Go2和B2).
            for (var first = t + 1; first < tokens.Count && tokens[first].Tag == "eng" && LooksLikeAName(tokens[first].Text); first += 2)
            {
                var last = first;
                while (last + 1 < tokens.Count && tokens[last + 1].Tag is "eng" or "m" && tokens[last + 1].Range.Start == tokens[last].Range.End + 1
                       && text[tokens[last].Range.End] == ' ')
                    last++;
                Add(document, sentence, tokens[first].Range.Start, tokens[last].Range.End, data.WeakCues.Contains(cue) ? RecognitionData.WeakCueConfidence : 0.85);
                first = last;
                if (first + 2 >= tokens.Count || !ListJoiners.Contains(tokens[first + 1].Text)) break;
            }
        }
    }

    private static readonly HashSet<string> ListJoiners = LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "product-lists");

    /// <summary>
    /// An unquoted Chinese name right after a product noun, closed by a list's or clause's punctuation
    /// (接待机器人豹小秘、送餐机器人豹小递，…): a coined name (see <see cref="IsCoinedChineseName"/>) of a few characters;
    /// where it ends: the punctuation's position, or null.
    /// </summary>
    private int? CoinedNameEndAfterNoun(Document document, Sentence sentence, List<Token> tokens, int first)
    {
        var text = document.Text;
        var start = tokens[first].Range.Start;
        for (var last = first; last < tokens.Count && tokens[last].Range.End - start <= MaxUnquotedNameLength; last++)
        {
            var end = tokens[last].Range.End;
            if (end >= sentence.Range.End || text[end] is not ('、' or '，' or '。' or '；')) continue;
            return end - start >= 2 && IsUnknownWord(tokens, first, last) && IsCoinedChineseName(document, sentence, start, end) ? end : null;
        }
        return null;
    }

    private const int MaxUnquotedNameLength = 4;

    /// <summary>Two-character nouns (芯片, 平台, 应用) end too many compounds (芯片大单, 平台易车) to announce an unquoted name.</summary>
    private const int MinUnquotedCueLength = 3;

    /// <summary>
    /// Without quotes to mark it, a name must be a word the dictionary does not know (豹小秘), not a rare or a
    /// proper noun it knows (研发, 家族): those are the text going on after the noun.
    /// </summary>
    private static bool IsUnknownWord(List<Token> tokens, int first, int last)
    {
        var unknown = false;
        for (var t = first; t <= last; t++)
        {
            if (tokens[t].Tag is "v" or "vn" or "uj" or "p" or "c") return false;
            unknown |= !tokens[t].InDictionary;
        }
        return unknown;
    }

    private void FindQuotedAfterLaunch(Document document, Sentence sentence)
    {
        var text = document.Text;
        foreach (var verb in LaunchVerbs)
        {
            for (var at = text.IndexOf(verb, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at >= 0 && at < sentence.Range.End;
                 at = text.IndexOf(verb, at + 1, sentence.Range.End - at - 1, StringComparison.Ordinal))
            {
                var open = at + verb.Length;
                while (open < sentence.Range.End && open - at - verb.Length < MaxDescribedGap && text[open] is not ('《' or '“' or '"' or '「')) open++;
                if (open >= sentence.Range.End || text[open] is not ('《' or '“' or '"' or '「')) continue;
                // A product noun right before the quote closes what describes the product (上线了面向消费者的健康问答应用“百小应”,
                // 推出了AI搜索应用“点点”): the launch may stand further off within its clause, and a verb inside the description
                // governs no quote.
                var described = RecognitionData.MatchEndingAt(data.ProductCues, text, open) is not null;
                var gap = text.AsSpan(at + verb.Length, open - at - verb.Length);
                if (gap.Length > 8 && !(described && gap.IndexOfAny("，,。；;：:") < 0)) continue;
                // A comma or a stop after the verb closes its clause: a quote further on is what another clause says
                // (选择现在发布，是因为“市场有需求”), unless a product noun right before the quote names its kind.
                if (!described && gap.IndexOfAny("，,。；;") >= 0) continue;
                var close = QuoteClose(text, open, sentence);
                if (close > open + 1 && !IsOneCommonWord(document, sentence, open + 1, close) && !HoldsClauseWord(document, sentence, open + 1, close)
                    && (described || !HasVerbBetween(document, sentence, at + verb.Length, open)))
                    Add(document, sentence, open + 1, close, 0.8);
            }
        }
    }

    /// <summary>Another verb between the launch verb and the quote governs the quote (开源是让AI“民主化”).</summary>
    private static bool HasVerbBetween(Document document, Sentence sentence, int start, int end) =>
        document.TokensOf(sentence).Any(t => t.Range.Start >= start && t.Range.End <= end && t.Tag == "v" && !NamingVerbs.Contains(t.Text));

    private static readonly HashSet<string> NamingVerbs = LanguageData.EmbeddedWords.Set("recognition/naming-words.tsv", "launch-clauses");

    /// <summary>
    /// A name in quotes right after a product noun (新GPU“RTX Pro”, 应用「星野」, 辅导应用"学伴"): straight quotes too, which
    /// small sites write for curly ones.
    /// </summary>
    private void FindQuotedAfterProductNouns(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var open = sentence.Range.Start + 1; open < sentence.Range.End - 1; open++)
        {
            if (text[open] is not ('“' or '「' or '《' or '"') || RecognitionData.MatchEndingAt(data.ProductCues, text, open) is null) continue;
            var close = QuoteClose(text, open, sentence);
            if (close > open + 1 && (text.AsSpan(open + 1, close - open - 1).ContainsAnyInRange('A', 'z') || IsQuotedCoinedName(document, sentence, open + 1, close))
                && !IsOneCommonWord(document, sentence, open + 1, close))
                Add(document, sentence, open + 1, close, 0.8);
        }
    }

    /// <summary>Where the quote opened at <paramref name="open"/> (《, “, 「 or ") closes within the sentence and a product name's length; −1 if it does not.</summary>
    private static int QuoteClose(string text, int open, Sentence sentence)
    {
        var closeChar = text[open] switch { '《' => '》', '“' => '”', '「' => '」', _ => '"' };
        var close = text.IndexOf(closeChar, open + 1, Math.Min(MaxQuotedLatinLength, sentence.Range.End - open - 1));
        return close - open <= MaxQuotedLength || close > open && text.AsSpan(open + 1, close - open - 1).IndexOfAnyInRange('\u2E80', '\uFFFF') < 0 ? close : -1;
    }

    /// <summary>
    /// Latin product names have a capital or a digit (Kimi, o1); a lower-case word after 模型 is a variant
    /// (pro, lite, pro-32k), and so is a bare version (V3.0).
    /// </summary>
    private static bool LooksLikeAName(string word) =>
        word.Any(c => char.IsUpper(c) || char.IsDigit(c)) && !RecognitionData.IsQuantityOrVersion(word)
        && !(word.Length >= 3 && word.Take(3).All(char.IsLower) && !word.Any(char.IsUpper));

    /// <summary>
    /// A Chinese name in quotes after a product noun (大模型“天枢”, 机器人“小白”) is coined: it holds a word the
    /// dictionary does not know or hardly knows, or a proper noun. Quoted common words (大模型“幻觉”) are emphasis.
    /// </summary>
    private bool IsCoinedChineseName(Document document, Sentence sentence, int start, int end)
    {
        // A count opens a nickname for a group (“六小虎”, “四小龙”), not a product's name.
        if (end - start is < 2 or > MaxCoinedNameLength || CountingCharacters.Contains(document.Text[start])) return false;
        var coined = false;
        foreach (var token in document.TokensOf(sentence))
        {
            if (token.Range.End <= start) continue;
            if (token.Range.Start >= end) break;
            if (token.Range.Start < start || token.Range.End > end || !token.Text.All(IsHan)) return false;
            if (IsClauseWordTag(token.Tag)) return false;
            coined |= !token.InDictionary || token.Tag is "nz" or "nr" or "nrt" or "j" || dictionary.IsRareWord(token.Text);
        }
        return coined;
    }

    private const int MaxCoinedNameLength = 8;

    /// <summary>
    /// Adverbs, pronouns, particles, prepositions and conjunctions make a quoted run a clause said with emphasis
    /// (称基础模型“仍会继续迭代”), never a coined name.
    /// </summary>
    private static bool IsClauseWordTag(string tag) => tag.Length > 0 && tag[0] is 'd' or 'r' or 'u' or 'p' or 'c';

    /// <summary>A Chinese word of <see cref="IsClauseWordTag"/> inside the quote (“还不完美，但市场有需求” is said, not named).</summary>
    private static bool HoldsClauseWord(Document document, Sentence sentence, int start, int end) =>
        document.TokensOf(sentence).Any(t => t.Range.Start >= start && t.Range.End <= end && t.Text.All(IsHan) && IsClauseWordTag(t.Tag));

    private static readonly string CountingCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "product-numerals");

    /// <summary>A quoted verb or adjective is emphasis, not a name (让AI“民主化”).</summary>
    private static bool IsOneCommonWord(Document document, Sentence sentence, int start, int end) =>
        document.TokensOf(sentence).Any(t => t.Range.Start == start && t.Range.End == end && t.InDictionary
                                             && t.Tag is "v" or "vn" or "vd" or "a" or "ad" or "an" or "d" or "i" or "l");

    private void Add(Document document, Sentence sentence, int start, int end, double confidence)
    {
        var surface = document.Slice(start, end);
        if (surface.Any(c => c is '，' or ',' or '、' or '：' or '！' or '？') || data.IsGeneric(surface) || data.EnglishStopwords.Contains(surface)) return;
        // A plan, a place or a programme in quotes (“AI工厂”, “特别迁移计划”) is no product, whatever verb or noun stands before it.
        if (RecognitionData.MatchEndingAt(data.NonProductEndings, surface, surface.Length) is { } ending && ending.Length < surface.Length) return;
        document.Mentions.Add(new Mention(new TextRange(start, end), surface, "Product", MentionSource.Pattern, confidence) { Sentence = sentence.Index });
    }
}
