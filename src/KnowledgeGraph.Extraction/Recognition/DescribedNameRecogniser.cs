using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Unknown Chinese names of young companies that carry no ending of their own but are introduced by what they are
/// and followed by what they do: 具身智能初创公司它石智航宣布…, AI芯片企业曦望完成…, 机器人公司松延动力获得…. The name
/// is the run between a description's head noun (resolution/description-heads.txt) and what the company does right
/// after it (recognition/described-name-closers.txt: 宣布, 完成, 获得 …), a bracketed spelling, or the clause's end when a verb
/// of founding, buying or backing governs it (recognition/described-object-verbs.txt: 成立, 收购 …) or, with no description, when words
/// that set a joint venture or a company up stand right before it (recognition/joint-venture-runs.txt: 合资成立了; founding-runs.txt:
/// 创办了); a known place or a word for the local one and 的 introduce a name as a head noun does (成都的蓉溪智能则…,
/// 当地的鹭岛数科达成…). It must hold a word the segmenter does not know as a common noun, so that 公司员工宣布 or 该企业今天完成
/// name nobody, or end in a company's ending (老股东松果资本继续跟投).
/// </summary>
public sealed class DescribedNameRecogniser(RecognitionData data, IReadOnlyCollection<string> descriptionHeads, IReadOnlyCollection<string> closers,
    IReadOnlyCollection<string> objectVerbs, IReadOnlyCollection<string> ownedNameOpeners, IReadOnlyCollection<string> foundingRuns,
    IReadOnlyCollection<string> localWords) : IPipelineStage
{
    /// <summary>
    /// Words that set a joint venture or a company up right before its name, with no description between
    /// (recognition/joint-venture-runs.txt: 比亚迪与Momenta合资成立了迪派智驾，; recognition/founding-runs.txt: 在苏州创办了鹭途数据，):
    /// the name may end its clause as after a founding verb and a head noun.
    /// </summary>
    private readonly IReadOnlyList<string> _foundingRuns = foundingRuns.Where(r => r.Length > 0).OrderByDescending(r => r.Length).ToList();

    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;
    private const double DescribedConfidence = 0.6;

    private readonly IReadOnlyList<string> _heads = descriptionHeads.Where(h => h.Length > 0).OrderByDescending(h => h.Length).ToList();

    private readonly IReadOnlyList<string> _closers = closers.Where(c => c.Length > 0).OrderByDescending(c => c.Length).ToList();

    private readonly IReadOnlyList<string> _objectVerbs = objectVerbs.Where(v => v.Length > 0).ToList();

    /// <summary>Adverbs the segmenter may glue to the verb after them (再获, 刚完成): a name starts with none.</summary>
    private static readonly string AdverbCharacters = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "glued-adverbs");

    /// <summary>An English spelling in brackets closes the name (初创公司它石智航（TARS）); a comma does not: 和多家公司谈过，</summary>
    private const string BracketOpens = "（(";

    /// <summary>A counter before the head (多家公司, 几家企业, 这家公司) speaks of companies in general or of one named before.</summary>
    private const char Counter = '家';

    public void Process(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            var tokens = document.TokensOf(sentence).ToList();
            for (var t = 0; t + 1 < tokens.Count; t++)
            {
                if (_ownedNameOpeners.Contains(tokens[t].Text))
                {
                    AddOwnedName(document, named, tokens, t, sentence);
                    continue;
                }
                if (FoundingRunEnd(text, tokens, t, sentence.Range.End) is { } runEnd)
                {
                    if (NameAfter(document, tokens, runEnd + 1, sentence.Range.End, founded: true) is { } venture && named.Overlapping(venture).Count == 0)
                    {
                        var founded = new Mention(venture, text[venture.Start..venture.End], "Organization", MentionSource.Pattern, DescribedConfidence) { Sentence = sentence.Index };
                        document.Mentions.Add(founded);
                        named.Add(founded);
                    }
                    continue;
                }
                var local = IsPlaceAndOf(document, named, tokens, t);
                if (!local && (!IsHead(tokens[t].Text) || named.Overlapping(tokens[t].Range).Count > 0 || CountedBefore(text, tokens[t].Range.Start))) continue;
                if (NameAfter(document, tokens, t + 1, sentence.Range.End, placed: local) is not { } name || named.Overlapping(name).Count > 0) continue;
                var mention = new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, DescribedConfidence) { Sentence = sentence.Index };
                document.Mentions.Add(mention);
                named.Add(mention);
            }
        }
    }

    /// <summary>
    /// Words for the place a text is speaking of (recognition/local-words.txt: 当地, 本地), which before 的 introduce a
    /// local company as a known place does (当地的白鹭陶瓷, 青岛本地的海螺资本).
    /// </summary>
    private readonly HashSet<string> _localWords = localWords.Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The token is the 的 after a known place or a word for the local one (成都的, 当地的): the name after it is a local company's.</summary>
    private bool IsPlaceAndOf(Document document, MentionSpans named, List<Token> tokens, int t) =>
        t > 0 && tokens[t].Text == Of && tokens[t - 1].Range.End == tokens[t].Range.Start
        && (_localWords.Contains(tokens[t - 1].Text) || named.EndingAt(tokens[t].Range.Start).Any(m => m.Type == "Location"));

    private const string Of = "的";

    private readonly HashSet<string> _ownedNameOpeners = ownedNameOpeners.Where(o => o.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>What separates the owned name from the next item of a list (旗下的智驾公司迈驰智行、吉利汽车).</summary>
    private const string ListBreaks = "、，,。；;和与及等";

    /// <summary>How far after an owned run a name may begin and make the run its description (部门, 机器人).</summary>
    private const int MaxDescriptionTail = 4;

    /// <summary>How many words a description of the owned company may take before its head noun (智能座舱公司).</summary>
    private const int MaxOwnedDescriptionWords = 4;

    /// <summary>
    /// An organization's own company written after it and an owner word (recognition/owned-name-openers.txt: 旗下, 下属),
    /// perhaps with 的 and a description ending in a head noun: 阿里巴巴旗下的智能座舱公司斑马智行负责…, 吉利控股集团旗下的星纪时代宣布…,
    /// 上汽集团旗下的尚颀资本等. The owner says what it is, so the unknown name may end wherever its words end: before a
    /// verb, a list's separator or the clause's end. A description the recognisers took for a name (智驾公司) is dropped.
    /// </summary>
    private void AddOwnedName(Document document, MentionSpans named, List<Token> tokens, int opener, Sentence sentence)
    {
        var text = document.Text;
        if (!named.EndingAt(tokens[opener].Range.Start).Any(m => m.Type == "Organization")) return;
        var first = opener + 1;
        if (first < tokens.Count && tokens[first].Text == "的") first++;
        for (var t = first; t < tokens.Count && t - first < MaxOwnedDescriptionWords; t++)
        {
            if (!_heads.Contains(tokens[t].Text)) continue;
            if (t + 1 < tokens.Count && tokens[t + 1].Range.Start == tokens[t].Range.End) first = t + 1;
            break;
        }
        if (first >= tokens.Count || OwnedNameAt(document, tokens, first, sentence.Range.End) is not { } name) return;
        // A name just after the run makes the run its description (旗下风投部门Salesforce Ventures, 旗下的聊天机器人Grok).
        if (named.Overlapping(new TextRange(name.End, Math.Min(sentence.Range.End, name.End + MaxDescriptionTail)))
            .Any(m => m.Range.Start >= name.End && text.AsSpan(name.End, m.Range.Start - name.End).IndexOfAny(ListBreaks) < 0)) return;
        var description = new TextRange(tokens[opener].Range.End, name.Start);
        foreach (var guess in named.Overlapping(name).Concat(named.Within(description)).Distinct().ToList())
        {
            if (guess.Source != MentionSource.Pattern || guess.Range.End > name.Start || guess.Range.Start < description.Start) return;
            document.Mentions.Remove(guess);
            named.Remove(guess);
        }
        var mention = new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, DescribedConfidence) { Sentence = sentence.Index };
        document.Mentions.Add(mention);
        named.Add(mention);
    }

    /// <summary>The index of the last token of a founding run starting at token <paramref name="t"/>, if one does and ends on a token's end.</summary>
    private int? FoundingRunEnd(string text, List<Token> tokens, int t, int sentenceEnd)
    {
        if (RecognitionData.MatchStartingAt(_foundingRuns, text, tokens[t].Range.Start, sentenceEnd) is not { } run) return null;
        var end = tokens[t].Range.Start + run.Length;
        for (var u = t; u < tokens.Count && tokens[u].Range.End <= end; u++)
        {
            if (tokens[u].Range.End == end) return u;
        }
        return null;
    }

    /// <summary>The name-like Chinese words from <paramref name="first"/> up to the first word that is not one, when one of them is a word the segmenter does not know.</summary>
    private TextRange? OwnedNameAt(Document document, List<Token> tokens, int first, int sentenceEnd)
    {
        var text = document.Text;
        var start = tokens[first].Range.Start;
        if (AdverbCharacters.Contains(text[start]) || RecognitionData.MatchStartingAt(data.Titles, text, start, sentenceEnd) is not null) return null;
        var proper = false;
        var end = start;
        for (var t = first; t < tokens.Count && tokens[t].Range.Start == end; t++)
        {
            var token = tokens[t];
            if (!IsHan(text[token.Range.Start])) break;
            // An ending of a company's or a fund's name (尚颀资本, 星海科技) closes the name with it.
            if (t > first && (data.SubOrganizationSuffixes.Contains(token.Text) || data.OrganizationSuffixes.Contains(token.Text)))
            {
                if (token.Range.End - start <= MaxNameLength) end = token.Range.End;
                break;
            }
            if (data.IsGeneric(token.Text)) break;
            var single = token.Text.Length == 1;
            if (single ? PersonNameRecogniser.StopCharacters.Contains(token.Text[0]) || _heads.Contains(token.Text) : !IsNameWord(token)) break;
            if (token.Range.End - start > MaxNameLength) return null;
            proper |= IsCoinedWord(tokens, t, first);
            end = token.Range.End;
        }
        return proper && end - start >= MinNameLength && !data.IsGeneric(text[start..end]) ? new TextRange(start, end) : null;
    }

    /// <summary>The name-like words from <paramref name="first"/> up to an organization's cue or the clause's end.</summary>
    private TextRange? NameAfter(Document document, List<Token> tokens, int first, int sentenceEnd, bool founded = false, bool placed = false)
    {
        if (first >= tokens.Count) return null;
        var text = document.Text;
        var start = tokens[first].Range.Start;
        if (start != tokens[first - 1].Range.End || AdverbCharacters.Contains(text[start])) return null;
        // A post after the head is whose post it is, not a name: 该公司总裁兼CEO (the segmenter makes one word of 总裁兼).
        if (RecognitionData.MatchStartingAt(data.Titles, text, start, sentenceEnd) is not null) return null;
        var proper = false;
        var singles = 0;
        var spelled = SpellingCloses(document, tokens, first, sentenceEnd);
        var ending = OrganizationEndingAt(text, tokens, first);
        for (var t = first; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Range.End - start > MaxNameLength || !IsHan(text[token.Range.Start])) return null;
            if (data.IsGeneric(token.Text) && t != ending || PersonNameRecogniser.StopCharacters.Contains(token.Text[0]) && token.Text.Length == 1) return null;
            var single = token.Text.Length == 1;
            // A name its Latin spelling closes (灵巧手厂商灵心巧手（Linkerbot）), a company's ending closes (鲸帆出海科技) or
            // a place and 的 introduce (杭州的小帆出海则…, a coined word before the verb) may hold words that are verbs
            // elsewhere; a company's name does not open with one (新企业联合公司).
            if (!single && !IsNameWord(token) && !(token.Tag == "v" && (spelled || t > first && (t < ending || placed))) || t == first && ending > first && token.Tag == "v") return null;
            // So are single characters around a word of three tokens or more (清 程极 智), and a name its spelling
            // follows, and the words before a company's ending, common as they may be (海螺资本, 白鹭陶瓷 is no such).
            singles += single ? 1 : 0;
            proper |= IsCoinedWord(tokens, t, first) || spelled || singles >= 2 && t - first >= 2 || t == ending;
            var end = token.Range.End;
            var closed = end < sentenceEnd && (BracketOpens.Contains(text[end]) || _closers.Any(c => string.CompareOrdinal(text, end, c, 0, c.Length) == 0))
                         || EndsClause(text, end, sentenceEnd) && (founded || ObjectOfFounding(tokens, first - 1));
            if (!closed) continue;
            // An aspect particle ends a verb the segmenter did not know (公司谈过收购), not a name.
            if (AspectParticles.Contains(text[end - 1])) return null;
            // A word of place at the end (中, 上, 内) ends a phrase of where (旧金山的路测车队中), not a name (蓉西 may hold one).
            if (single && token.Tag == "f") return null;
            return proper && end - start >= MinNameLength && !data.IsGeneric(text[start..end]) ? new TextRange(start, end) : null;
        }
        return null;
    }

    /// <summary>
    /// The index of a company's or a fund's ending (科技, 资本, 创投) that closes the words from <paramref name="first"/>
    /// within a name's length, after two characters or more (鲸帆出海科技, 海螺资本), or -1.
    /// </summary>
    private int OrganizationEndingAt(string text, List<Token> tokens, int first)
    {
        var start = tokens[first].Range.Start;
        for (var t = first; t < tokens.Count && tokens[t].Range.End - start <= MaxNameLength && IsHan(text[tokens[t].Range.Start]); t++)
        {
            if (t > first && tokens[t].Range.Start - start >= MinNameLength && data.OrganizationSuffixes.Contains(tokens[t].Text)) return t;
            if (t > first && tokens[t].Range.Start != tokens[t - 1].Range.End) break;
        }
        return -1;
    }

    /// <summary>
    /// A word the segmenter does not know, or tags as a proper name or an abbreviation; or a character it left single
    /// after another (曦 望), together a word it does not know: what makes a run of words a name.
    /// </summary>
    private static bool IsCoinedWord(List<Token> tokens, int t, int first)
    {
        var token = tokens[t];
        return !token.InDictionary || token.Tag is "nz" or "nt" or "nrt" or "j" or "x" || token.Text.Length == 1 && t > first && tokens[t - 1].Text.Length == 1;
    }

    private static bool EndsClause(string text, int end, int sentenceEnd) => end >= sentenceEnd || text[end] is '，' or ',' or '。' or '；' or ';';

    /// <summary>
    /// A bracket with a Latin spelling closes the run within a name's length (厂商灵心巧手（Linkerbot）完成…): the
    /// spelling shows the run is a name.
    /// </summary>
    private static bool SpellingCloses(Document document, List<Token> tokens, int first, int sentenceEnd)
    {
        var text = document.Text;
        var start = tokens[first].Range.Start;
        for (var i = start; i < sentenceEnd && i - start <= MaxNameLength; i++)
        {
            if (BracketOpens.Contains(text[i])) return i - start >= MinNameLength && i + 1 < sentenceEnd && char.IsAsciiLetter(text[i + 1]);
            if (!IsHan(text[i])) return false;
        }
        return false;
    }

    /// <summary>
    /// The description and its name are what a verb of founding, buying or backing right before them acts on
    /// (宣布成立具身智能公司墨甲智创。): the name may then end its clause.
    /// </summary>
    private bool ObjectOfFounding(List<Token> tokens, int head)
    {
        var t = head - 1;
        while (t >= 0 && head - t <= MaxDescriptionWords && (tokens[t].Text == "了" || tokens[t].Tag == "eng" || data.IsGeneric(tokens[t].Text))) t--;
        return t >= 0 && _objectVerbs.Any(v => tokens[t].Text.EndsWith(v, StringComparison.Ordinal));
    }

    /// <summary>How many words of description (了, 具身智能, AI芯片) may stand between the verb and the head noun.</summary>
    private const int MaxDescriptionWords = 3;

    private static bool CountedBefore(string text, int head)
    {
        for (var i = head - 1; i >= 0 && i >= head - MaxDescriptionBetweenCounterAndHead; i--)
        {
            // 一家 introduces a company not named before (北京一家初创公司X开发): its name follows.
            if (text[i] == Counter) return i == 0 || text[i - 1] != IndefiniteOne;
            if (!IsHan(text[i])) return false;
        }
        return false;
    }

    private const char IndefiniteOne = '一';

    private static readonly string AspectParticles = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "aspect-particles");

    /// <summary>
    /// A description's head noun, or a word of at most four characters ending in a company's noun the segmenter made one
    /// word of (上市公司, 子公司, 国有企业).
    /// </summary>
    /// <remarks>A loop, not a query: it is asked at every token, and a lambda over the word is an allocation each time.</remarks>
    private bool IsHead(string word)
    {
        if (_heads.Contains(word)) return true;
        if (word.Length > MaxCompoundHeadLength) return false;
        foreach (var noun in CompanyNouns)
        {
            if (word.Length > noun.Length && word.EndsWith(noun, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private const int MaxCompoundHeadLength = 4;

    private static readonly string[] CompanyNouns = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "company-nouns");

    /// <summary>How far a counter may stand before the head (几家头部制造企业): a few words of description.</summary>
    private const int MaxDescriptionBetweenCounterAndHead = 6;

    /// <summary>Nouns and words the segmenter guessed; verbs, particles, numbers, times and pronouns end no name.</summary>
    private static bool IsNameWord(Token token) =>
        !token.InDictionary || token.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "ng" or "b" or "l" or "i";

}
