using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class OrganizationNameRecogniser
{
    /// <summary>
    /// Endings that make a company's or an investor's name of any word before them (星云科技, 深蓝智能, 跃然创新, 南麓资本),
    /// unlike 公司 or 大学.
    /// </summary>
    private static readonly HashSet<string> CommonWordCoreEndings = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "common-word-core-endings");

    /// <summary>
    /// A common word of two characters before 科技, 智能, 创新, 资本 or 创投 (星云科技, 深蓝科技, 千里科技, 南麓资本) names a
    /// company when the words around say that a company stands there: a title or 创始人 after it (星云科技的CEO, 千里科技董事长),
    /// what companies do (宣布, 完成, 获得, 跟投) or a verb of founding or joining before it (创办了星图科技). Without such a
    /// cue the word is read as a field (生物科技, 金融科技); a pair the dictionary knows as one word is never a name, nor is a
    /// place before 资本 (中东资本: money from there). A verb, a number word or a direction word as the core (跃然创新, 千里科技, 万里科技,
    /// 南麓资本) is no field word at all, so it is taken too; a given name or a word the dictionary does not know right before
    /// the core is the name's first part (小鹿回声科技, 灵犀出海科技). Returns the index of the name's first token, or null.
    /// </summary>
    private int? CommonWordCoreBefore(string text, List<Token> tokens, int suffix, int suffixEnd)
    {
        if (suffix == 0 || !CommonWordCoreEndings.Contains(tokens[suffix].Text)) return null;
        var core = tokens[suffix - 1];
        if (core.Range.End != tokens[suffix].Range.Start || core.Text.Length != 2 || !core.Text.All(IsHan) || !core.InDictionary
            || core.Tag is not ("n" or "b" or "a" or "an" or "vn" or "nz" or "ns" or "v" or "q" or "m" or "f") || data.IsGeneric(core.Text) || FunctionWords.Contains(core.Text) || IsCountOrNegation(core)
            || _wordsBeforeAnOrganization.Contains(core.Text) || dictionary.DictionaryTag(core.Text + tokens[suffix].Text) is not null) return null;
        if (core.Tag == "ns" && DescriptiveAfterPlace.Contains(tokens[suffix].Text)) return null;
        var first = suffix - 1;
        if (suffix >= 2 && tokens[suffix - 2].Range.End == core.Range.Start)
        {
            var before = tokens[suffix - 2];
            if (IsGivenOrCoinedWord(before)) first = suffix - 2;
            else if (before.Tag is "n" or "vn" or "nz" or "eng" or "ns" or "j" && !data.PostVerbs.Contains(before.Text)) return null;
        }
        if (suffixEnd - suffix > 1 && !tokens[suffixEnd - 1].Text.EndsWith(LegalEnding, StringComparison.Ordinal)) return null;
        var start = tokens[first].Range.Start;
        var end = tokens[suffixEnd - 1].Range.End;
        // An adjective or a distinguishing word (私营, 超级) describes a kind of company unless a title follows.
        var describing = core.Tag is "a" or "b" or "an";
        return TitleFollows(text, end) || !describing && (CompanyCueAround(text, start, end) || InvestorBeforeAmount(tokens[suffix].Text, text, end)) ? first : null;
    }

    /// <summary>Endings of an investor's name that an amount may follow in a round's clause (获得石桥资本2000万元天使轮投资).</summary>
    private static readonly HashSet<string> AmountInvestorEndings = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "amount-investor-endings");

    /// <summary>Characters that open an amount written in words (数千万元, 近亿元, 超5000万元).</summary>
    private static readonly string AmountOpeners = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "amount-openers");

    /// <summary>Magnitudes an amount in words may begin with after its opener (近亿元, 数千万元).</summary>
    private static readonly string AmountMagnitudes = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "amount-magnitudes");

    /// <summary>
    /// An investor's ending and an amount right after it (石桥资本2000万元, 青松基金数千万元): the money it put in, so the
    /// words before the ending are its name, as a company's cue would say.
    /// </summary>
    private static bool InvestorBeforeAmount(string ending, string text, int end) =>
        AmountInvestorEndings.Contains(ending) && end < text.Length
        && (char.IsAsciiDigit(text[end]) || AmountOpeners.Contains(text[end]) && end + 1 < text.Length && (char.IsAsciiDigit(text[end + 1]) || Numerals.Contains(text[end + 1]) || AmountMagnitudes.Contains(text[end + 1])));

    /// <summary>A given name of the dictionary (小鹿, 灵犀) or a Chinese word it does not know, of at most two characters.</summary>
    private bool IsGivenOrCoinedWord(Token token) =>
        token.Text.Length <= 2 && token.Text.All(IsHan) && !FunctionWords.Contains(token.Text)
        && (token.Tag is "nr" or "nrt" or "nrfg" || !token.InDictionary && token.Text.Length == 2);

    private const string LegalEnding = "有限公司";

    /// <summary>Cues that a team or a kind of company stands there, not one company (超级智能团队, 科技公司融资).</summary>
    private static readonly HashSet<string> KindCues = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "kind-cues");

    private bool TitleFollows(string text, int end)
    {
        var afterOf = end < text.Length && text[end] == '的' ? end + 1 : end;
        return RecognitionData.MatchStartingAt(data.Titles, text, afterOf, text.Length) is not null;
    }

    private bool CompanyCueAround(string text, int start, int end) =>
        data.CueAround(text, start, end) is { Type: "Organization" } cue && !data.WeakCues.Contains(cue.Word) && !KindCues.Contains(cue.Word);
}
