using System.Buffers;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Segmentation;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Young companies named bare at the head of a clause about their round (星海图近日完成数亿元Pre-A轮融资,
/// 它石智航宣布获得1.2亿美元天使轮融资): only organizations take money in, so an unknown name opening the clause
/// right before a verb of taking it (recognition/financed-subject-verbs.txt), in a sentence that speaks of a round
/// (recognition/financing-words.txt), is an organization. The name must hold a word the segmenter does not know,
/// a rare one, a proper noun, or be several words the segmenter made of a word it did not know, so that 公司近日完成 or 本轮融资完成 name nobody.
/// A name of that kind that ends as young companies' names end (因岚机器人, 云帆数据, 深思智能: the field words of
/// recognition/place-led-org-endings.txt, 科技, 智能) opens its clause as a company also in any other sentence when a
/// title (创始人兼CEO, 总经理) or a verb of what companies do (recognition/company-acts.txt: 发布, 推出) follows it.
/// </summary>
public sealed class FinancedNameRecogniser(RecognitionData data, JiebaTokenizer dictionary, IReadOnlyCollection<string> verbLines, IReadOnlyCollection<string> financingWords,
    IReadOnlyCollection<string> companyEndings, IReadOnlyCollection<string> companyActs, IReadOnlyCollection<string> headlineOpeners) : IPipelineStage
{
    /// <summary>Words opening an interview's headline (对话, 专访): 对话灵眸科技CTO names 灵眸科技.</summary>
    private readonly HashSet<string> _headlineOpeners = headlineOpeners.Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    private const int MinNameLength = 2;
    private const int MaxNameLength = 6;
    private const double FinancedConfidence = 0.6;
    private const string AdverbMark = "+";

    private readonly IReadOnlyList<string> _adverbs = verbLines.Where(l => l.StartsWith(AdverbMark, StringComparison.Ordinal)).Select(l => l[1..]).OrderByDescending(l => l.Length).ToList();
    private readonly IReadOnlyList<string> _verbs = verbLines.Where(l => l.Length > 0 && !l.StartsWith(AdverbMark, StringComparison.Ordinal)).OrderByDescending(l => l.Length).ToList();
    /// <summary>The financing words, searched for all at once in every sentence.</summary>
    private readonly SearchValues<string> _financingWords = SearchValues.Create(financingWords.Where(w => w.Length > 0).ToArray(), StringComparison.Ordinal);
    private readonly IReadOnlyList<string> _companyEndings = AllCompanyEndings(companyEndings);
    /// <summary><see cref="_companyEndings"/> searched for all at once in every sentence without a financing word.</summary>
    private readonly SearchValues<string> _companyEndingSearch = SearchValues.Create(AllCompanyEndings(companyEndings).ToArray(), StringComparison.Ordinal);

    private static List<string> AllCompanyEndings(IReadOnlyCollection<string> companyEndings) =>
        companyEndings.Where(w => w.Length > 0).Concat(LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "coined-name-endings")).Distinct().ToList();
    /// <summary>Sets of the lists <see cref="IsNameWord"/> asks about every token opening a clause.</summary>
    private readonly HashSet<string> _companyEndingSet = AllCompanyEndings(companyEndings).ToHashSet(StringComparer.Ordinal);

    private readonly HashSet<string> _titles = data.Titles.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _postVerbs = data.PostVerbs.ToHashSet(StringComparer.Ordinal);

    private readonly IReadOnlyList<string> _companyActs = companyActs.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();

    private const string ClauseOpeners = "，,；;：:";

    public void Process(Document document)
    {
        var text = document.Text;
        var named = new MentionSpans(document.Mentions);
        foreach (var sentence in document.Sentences)
        {
            var financing = ContainsAny(text, sentence.Range, _financingWords);
            // Outside a sentence about a round a name is found only by a company's ending, which must then stand in the sentence.
            if (!financing && !ContainsAny(text, sentence.Range, _companyEndingSearch)) continue;
            var tokens = document.TokensOf(sentence).ToList();
            for (var t = 0; t < tokens.Count; t++)
            {
                if (t > 0 && !OpensClause(tokens, t) && !(financing && AfterOpeningTime(tokens, t))) continue;
                if (NameOpening(text, tokens, t, sentence.Range.End, financing) is not ({ } name, var financed)) continue;
                // A name by its ending only adds what no other recogniser found: 对话灵眸科技CEO is 灵眸科技's headline.
                if (named.Overlapping(name).Any(m => m.Source == MentionSource.Lexicon || !financed)) continue;
                // A person takes no round in: a person's reading of the same words (云栖智绘完成…融资 read as 云 and a given name) gives way.
                foreach (var person in named.Overlapping(name).Where(m => m.Type == "Person" && m.Source == MentionSource.Pattern && m.Range.Equals(name)).ToList())
                {
                    document.Mentions.Remove(person);
                    named.Remove(person);
                }
                var mention = new Mention(name, text[name.Start..name.End], "Organization", MentionSource.Pattern, FinancedConfidence) { Sentence = sentence.Index };
                document.Mentions.Add(mention);
                named.Add(mention);
            }
        }
    }

    /// <summary>The name-like words from <paramref name="first"/> that a financed-subject verb follows.</summary>
    private (TextRange Name, bool Financed)? NameOpening(string text, List<Token> tokens, int first, int sentenceEnd, bool financing)
    {
        var start = tokens[first].Range.Start;
        var proper = false;
        var placesOnly = true;
        for (var t = first; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Range.End - start > MaxNameLength || !IsHan(text[token.Range.Start]) || t > first && token.Range.Start != tokens[t - 1].Range.End) return null;
            // A verb the segmenter read into a coined name (灵心 巧手) is part of it when a word it does not know came first.
            var coinedVerb = financing && token.Tag == "v" && t > first && !tokens[first].InDictionary
                             && !_verbs.Contains(token.Text) && !_adverbs.Contains(token.Text);
            if (!IsNameWord(token) && !coinedVerb && !(t > first && _companyEndingSet.Contains(token.Text))) return null;
            var single = token.Text.Length == 1;
            proper |= !token.InDictionary || token.Tag is "nz" or "nt" or "nrt" or "nr" or "j" or "x" or "ns" || dictionary.IsRareWord(token.Text)
                      || single && t > first && tokens[t - 1].Text.Length == 1;
            placesOnly &= token.Tag == "ns";
            var end = token.Range.End;
            // The name's spelling in brackets may stand before the verb (原力灵机（Dexmal）宣布完成…).
            var financed = financing && VerbFollows(text, AfterBracketedSpelling(text, end, sentenceEnd), sentenceEnd);
            if (!financed && !(EndsAsACompany(text, start, end) && CompanyWordFollows(text, end, sentenceEnd))) continue;
            // Common nouns the segmenter put together for want of the name (星 海图) are the name, if no word as a whole.
            var coined = t > first && dictionary.DictionaryTag(text[start..end]) is null;
            return (proper || coined) && !placesOnly && end - start >= MinNameLength && !data.IsGeneric(text[start..end]) ? (new TextRange(start, end), financed) : null;
        }
        return null;
    }

    private static bool OpensClause(List<Token> tokens, int t) =>
        tokens[t - 1].Text.Length == 1 && ClauseOpeners.Contains(tokens[t - 1].Text[0]);

    /// <summary>
    /// A date opening the clause may stand right before the name (2018年奥比中光完成…, 今年3月贸语智能获得…): numbers and
    /// time words ending in a year, month or day, or a time word alone (去年).
    /// </summary>
    private static bool AfterOpeningTime(List<Token> tokens, int t)
    {
        var last = tokens[t - 1];
        if (!(last.Tag == "t" || last.Tag == "m" && DateEndings.Contains(last.Text[^1]))) return false;
        var first = t - 1;
        while (first > 0 && t - first < MaxDateTokens && tokens[first - 1].Tag is "m" or "t") first--;
        return first == 0 || OpensClause(tokens, first);
    }

    private static readonly string DateEndings = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "date-endings");

    /// <summary>How many tokens a date opening a clause may take (2024 年 8 月).</summary>
    private const int MaxDateTokens = 4;

    /// <summary>Where the text goes on after a bracketed Latin spelling at <paramref name="position"/>, if one stands there.</summary>
    private static int AfterBracketedSpelling(string text, int position, int limit)
    {
        if (position >= limit || text[position] is not ('（' or '(') || position + 1 >= limit || !char.IsAsciiLetter(text[position + 1])) return position;
        var close = text.IndexOfAny(['）', ')'], position + 1, Math.Min(MaxSpellingLength, limit - position - 1));
        return close < 0 ? position : close + 1;
    }

    /// <summary>How long a bracketed spelling between a name and its verb may be (（Booster Robotics）).</summary>
    private const int MaxSpellingLength = 40;

    private static bool ContainsAny(string text, TextRange range, SearchValues<string> words) =>
        text.AsSpan(range.Start, range.Length).IndexOfAny(words) >= 0;

    private bool EndsAsACompany(string text, int start, int end) =>
        _companyEndings.Any(e => end - start > e.Length + 1 && string.CompareOrdinal(text, end - e.Length, e, 0, e.Length) == 0);

    /// <summary>A title (因岚机器人创始人兼CEO) or, after the adverbs of financed-subject-verbs.txt, a verb of what companies do (云帆数据近日发布).</summary>
    private bool CompanyWordFollows(string text, int position, int limit)
    {
        if (RecognitionData.MatchStartingAt(data.Titles, text, position, limit) is not null) return true;
        while (true)
        {
            if (RecognitionData.MatchStartingAt(_companyActs, text, position, limit) is not null) return true;
            if (RecognitionData.MatchStartingAt(_adverbs, text, position, limit) is not { } adverb) return false;
            position += adverb.Length;
        }
    }

    private bool VerbFollows(string text, int position, int limit)
    {
        while (RecognitionData.MatchStartingAt(_adverbs, text, position, limit) is { } adverb) position += adverb.Length;
        return RecognitionData.MatchStartingAt(_verbs, text, position, limit) is not null;
    }

    /// <summary>
    /// Nouns, words the segmenter guessed and single characters it could not join (霁 of 霁星图); a generic word, a
    /// verb (现任 included), a headline's opener (对话), a particle, a number or a pronoun is no part of a name.
    /// </summary>
    private bool IsNameWord(Token token) =>
        !data.IsGeneric(token.Text) && !_titles.Contains(token.Text) && !_postVerbs.Contains(token.Text) && !_headlineOpeners.Contains(token.Text)
        && !(token.Text.Length == 1 && PersonNameRecogniser.StopCharacters.Contains(token.Text[0]))
        && (!token.InDictionary || token.Tag is "n" or "nz" or "nr" or "nrt" or "nrfg" or "ns" or "nt" or "j" or "x" or "ng" or "b" or "l" or "i" or "a"
            || token.Text.Length == 1 && token.Tag is not ("p" or "c" or "u" or "uj" or "ul" or "r" or "d" or "m" or "q" or "f" or "t" or "w"));

}
