using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class OrganizationNameRecogniser
{
    /// <summary>Endings that make a company's name of any word before them (星云科技, 深蓝智能), unlike 公司 or 大学.</summary>
    private static readonly HashSet<string> CoinedNameEndings = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "coined-name-endings");

    /// <summary>
    /// A common word of two characters before 科技 or 智能 (星云科技, 深蓝科技, 石头科技) names a company when the
    /// words around say that a company stands there: a title or 创始人 after it (星云科技的CEO, 深蓝科技总裁), what
    /// companies do (宣布, 完成, 获得) or a verb of founding or joining before it (创办了星图科技). Without such a
    /// cue the word is read as a field (生物科技, 金融科技); a pair the dictionary knows as one word is never a name.
    /// Returns the index of the core's token, or null.
    /// </summary>
    private int? CommonWordCoreBefore(string text, List<Token> tokens, int suffix, int suffixEnd)
    {
        if (suffix == 0 || !CoinedNameEndings.Contains(tokens[suffix].Text)) return null;
        var core = tokens[suffix - 1];
        if (core.Range.End != tokens[suffix].Range.Start || core.Text.Length != 2 || !core.Text.All(IsHan) || !core.InDictionary
            || core.Tag is not ("n" or "b" or "a" or "an" or "vn" or "nz" or "ns") || data.IsGeneric(core.Text) || FunctionWords.Contains(core.Text)
            || dictionary.DictionaryTag(core.Text + tokens[suffix].Text) is not null) return null;
        if (suffix >= 2 && tokens[suffix - 2].Range.End == core.Range.Start && tokens[suffix - 2].Tag is "n" or "vn" or "nz" or "eng" or "ns" or "j"
            && !data.PostVerbs.Contains(tokens[suffix - 2].Text)) return null;
        if (suffixEnd - suffix > 1 && !tokens[suffixEnd - 1].Text.EndsWith(LegalEnding, StringComparison.Ordinal)) return null;
        var start = core.Range.Start;
        var end = tokens[suffixEnd - 1].Range.End;
        // An adjective or a distinguishing word (私营, 超级) describes a kind of company unless a title follows.
        var describing = core.Tag is "a" or "b" or "an";
        return TitleFollows(text, end) || !describing && CompanyCueAround(text, start, end) ? suffix - 1 : null;
    }

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
