using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class PersonNameRecogniser
{
    private const double SlotConfidence = 0.6;

    /// <summary>Words after which a clause's subject or a list's next item begins: a name may stand right there.</summary>
    private static readonly HashSet<string> NameOpeners = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "person-name-openers");

    /// <summary>
    /// Marks after which a word is no clause's subject: a quote holds a term (“姚班”), a colon a byline's name
    /// (作者：林溪) that is page furniture, not news.
    /// </summary>
    private const string NonOpeningMarks = "“「《\"'：:";

    /// <summary>What may follow a person's name in a clause: a verb, an adverb, a time, a preposition or a conjunction.</summary>
    private static readonly HashSet<string> NameFollowerTags = ["v", "vd", "d", "ad", "p", "c", "t", "uj", "zg"];

    /// <summary>
    /// Chinese names the segmenter could only guess (李慧敏, 赵雅琴: words its dictionary lacks) or knows as someone's
    /// full name (刘建国), or cut as a surname and a given name (周 宇航), standing where a clause's subject or a
    /// list's item stands: after the sentence's start, a comma, 的 or a joiner, and before a verb, an adverb, a time
    /// word, a preposition or a punctuation mark (陈立群目前担任…, 来自谷歌的杨帆和…, 孙明将接替刘强担任…).
    /// A common word of the dictionary (高管, 华为) or a name that goes on as a company's (星尘科技) is none.
    /// </summary>
    private void FindNamesInNameSlots(Document document, Sentence sentence, List<Mention> named)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var first = sentence.FirstToken;
        var last = first + sentence.TokenCount;
        for (var t = first; t < last; t++)
        {
            if (SlotCandidateEnd(tokens, t, last) is not { } next) continue;
            var range = new TextRange(tokens[t].Range.Start, tokens[next - 1].Range.End);
            if (!OpensNameSlot(text, tokens, t, first) || !ClosesNameSlot(text, tokens, next, last)) continue;
            var candidate = text[range.Start..range.End];
            if (!IsPlausibleName(candidate, closedByMark: next >= last || tokens[next].Tag == "w") || OpensWithCommonWord(candidate) || IsSpelledLikeATransliteration(text, candidate, range.End)
                || named.Any(m => m.Range.Overlaps(range))) continue;
            Add(document, sentence, range.Start, range.End, SlotConfidence);
            t = next - 1;
        }
    }

    /// <summary>Where a name that starts at token <paramref name="t"/> ends (the index after its last token), or null.</summary>
    private int? SlotCandidateEnd(List<Token> tokens, int t, int last)
    {
        var token = tokens[t];
        if (!token.Text.All(IsHan) || !data.Surnames.Contains(token.Text[..1]) && !data.StartsWithSurname(token.Text)) return null;
        if (token.Text.Length is >= 2 and <= 4 && (!token.InDictionary || token.Tag == "nr" && token.Text.Length == 3)) return t + 1;
        if (token.Text.Length != 1 || token.Tag != "nr" || t + 1 >= last) return null;
        var given = tokens[t + 1];
        var joined = given.Range.Start == token.Range.End && given.Text.Length is 1 or 2 && given.Text.All(IsHan)
                     && (!given.InDictionary || given.Tag is "nr" or "nrfg" or "nrt");
        return joined ? t + 2 : null;
    }

    /// <summary>
    /// A surname's character that begins a common word of the dictionary (迟早 of 迟早会, 单颗) or a counter after
    /// the surname (单颗) makes a phrase, not a name.
    /// </summary>
    private bool OpensWithCommonWord(string candidate)
    {
        if (candidate.Length == 2) return Counters.Contains(candidate[1]);
        var opening = dictionary.DictionaryTag(candidate[..2]);
        return opening is not null && !IsNameTag(opening) || candidate.Skip(1).Any(Counters.Contains);
    }

    private static readonly string Counters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "person-counters");

    /// <summary>A name of sounds only, spelled out in brackets after it (皮克斯（Pixar）), is a foreign name, not a Chinese one.</summary>
    private bool IsSpelledLikeATransliteration(string text, string candidate, int end) =>
        end < text.Length && text[end] is '（' or '(' && data.IsTransliteration(candidate);

    /// <summary>The name's slot opens at the sentence's start, after a mark, an opening word or a title (高管宋建平).</summary>
    private bool OpensNameSlot(string text, List<Token> tokens, int t, int first)
    {
        if (t == first) return true;
        var before = tokens[t - 1];
        return before.Range.End == tokens[t].Range.Start
               && (before.Tag == "w" && before.Text != "·" && !NonOpeningMarks.Contains(before.Text[^1]) || NameOpeners.Contains(before.Text)
                   || data.PersonIntroducerBefore(text, tokens[t].Range.Start) is not null);
    }

    /// <summary>Words after a name that go with people acting together or in turn (吴泰宇与鲁明一起创建…, 杨志强一手创办…).</summary>
    private static readonly HashSet<string> FollowerWords = LanguageData.EmbeddedWords.Set("recognition/function-words.tsv", "person-followers");

    private bool ClosesNameSlot(string text, List<Token> tokens, int next, int last)
    {
        if (next >= last) return true;
        var after = tokens[next];
        if (after.Tag == "w") return after.Text != "·" && after.Text != "-";
        if (RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, after.Range.Start, text.Length) is not null) return false;
        return NameFollowerTags.Contains(after.Tag) || FollowerWords.Contains(after.Text) || PersonVerbAt(text, after.Range.Start, exceptNounWithPerson: true);
    }
}
