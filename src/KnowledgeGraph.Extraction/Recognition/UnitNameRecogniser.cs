using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// A unit written as its known parent's name, a few words of what it does and a unit's ending
/// (recognition/unit-endings.txt: 事业部, 事业群, 研究院, BU): 华为智能汽车解决方案BU, 百度深度学习研究院, 腾讯平台与内容事业群,
/// 小米集团技术委员会AI实验室. The whole is one organization's name, not the parent followed by words; NamedUnits then
/// reads from the name that it is the parent's. The words between must be nouns or words the segmenter does not know
/// (a verb, a time or 的 between them makes a phrase: 华为今年成立的实验室), and no other name may stand among them
/// (腾讯与清华大学联合实验室 is two parties' lab).
/// </summary>
public sealed class UnitNameRecogniser(IReadOnlyCollection<string> unitEndings, RecognitionData data) : IPipelineStage
{
    /// <summary>How long the words between the parent's name and the ending may be (智能汽车解决方案, 平台与内容).</summary>
    private const int MaxTailLength = 10;

    private const double UnitConfidence = 0.7;

    private readonly string[] _endings = unitEndings.Select(e => e.Trim()).Where(e => e.Length > 0).OrderByDescending(e => e.Length).ToArray();

    public void Process(Document document)
    {
        var spans = new MentionSpans(document.Mentions);
        // Where a parent may end: asked at every token, and most tokens follow no known organization. The units added
        // below are no parents (they have no lexicon id), so the set stays true as the loop changes the mentions.
        var parentEnds = document.Mentions.Where(IsParent).Select(m => m.Range.End).ToHashSet();
        foreach (var sentence in document.Sentences)
        {
            var tokens = document.TokensOf(sentence).ToList();
            for (var t = 1; t < tokens.Count; t++)
            {
                if (!parentEnds.Contains(tokens[t].Range.Start)) continue;
                var parent = spans.EndingAt(tokens[t].Range.Start)
                    .FirstOrDefault(IsParent);
                if (parent is null || UnitEndAfter(document, tokens, t) is not { } end) continue;
                var range = new TextRange(parent.Range.Start, end);
                var inTail = spans.Overlapping(range).Where(m => m != parent).ToList();
                if (inTail.Any(m => !IsPlaceInTail(m, parent, end)) || IsBusinessUnit(document.Text, parent.Range.End, end)) continue;
                // The parent must stay named elsewhere in the article, or the unit's name would take its only mention.
                if (!document.Mentions.Any(m => m != parent && m.LexiconId == parent.LexiconId && !m.IsAnaphor)) continue;
                var unit = new Mention(range, document.Text[range.Start..range.End], "Organization", MentionSource.Pattern, UnitConfidence) { Sentence = sentence.Index };
                foreach (var guess in inTail.Append(parent))
                {
                    document.Mentions.Remove(guess);
                    spans.Remove(guess);
                }
                document.Mentions.Add(unit);
                spans.Add(unit);
            }
        }
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    /// <summary>A known organization named in full, which a unit's name may open.</summary>
    private static bool IsParent(Mention mention) =>
        mention is { Type: "Organization", IsAnaphor: false, LexiconId: not null } && mention.Range.Length > 0;

    /// <summary>
    /// A known place among the tail's words (浙江 of 中国移动浙江分公司) is part of the unit's name; any other name there is
    /// another party's (腾讯与清华大学联合实验室), and a name guessed from the tail's Latin words (AI Lab) may be a unit of its own.
    /// </summary>
    private static bool IsPlaceInTail(Mention mention, Mention parent, int end) =>
        mention.Type == "Location" && mention.Range.Start >= parent.Range.End && mention.Range.End <= end;

    /// <summary>Where the unit's ending ends when name-like words from <paramref name="first"/> lead up to one, else null.</summary>
    private int? UnitEndAfter(Document document, List<Token> tokens, int first)
    {
        var start = tokens[first].Range.Start;
        for (var t = first; t < tokens.Count && tokens[t].Range.Start - start <= MaxTailLength; t++)
        {
            var token = tokens[t];
            if (t > first && tokens[t - 1].Range.End != token.Range.Start) return null;
            if (t > first && EndingAt(document.Text, token.Range.Start) is { } ending) return token.Range.Start + ending.Length;
            if (t > first && _endings.Any(e => token.Text.Length > e.Length && IsHan(e[0]) && token.Text.EndsWith(e, StringComparison.Ordinal))) return token.Range.End;
            // A verb inside a field's name (深度学习) follows a noun of it; first after the parent it is the parent's act (华为组建…).
            if (!IsTailWord(token) && !(t > first && token.Tag == "v" && IsHan(token.Text[0]))) return null;
        }
        return null;
    }

    /// <summary>
    /// A business and its ending alone (百度自动驾驶事业部): the unit business words (recognition/unit-business-words.txt)
    /// have their own reading, where the known name stays the parent unless the unit acts as a company. A lab or an
    /// institute of the business (达摩院自动驾驶实验室: research-unit-endings) is a unit all the same.
    /// </summary>
    private bool IsBusinessUnit(string text, int tailStart, int end) =>
        data.UnitBusinessWords.Any(w => string.CompareOrdinal(text, tailStart, w, 0, w.Length) == 0
                                        && EndingAt(text, tailStart + w.Length) is { } e && tailStart + w.Length + e.Length == end && !ResearchEndings.Contains(e));

    private static readonly HashSet<string> ResearchEndings = LanguageData.EmbeddedWords.Set("recognition/organization-words.tsv", "research-unit-endings");

    /// <summary>The unit ending written at <paramref name="at"/> (事业群 even where the segmenter split it as 事业 and 群), if any.</summary>
    private string? EndingAt(string text, int at) =>
        _endings.FirstOrDefault(e => string.CompareOrdinal(text, at, e, 0, e.Length) == 0
                                     && (at + e.Length >= text.Length || !char.IsAsciiLetterOrDigit(text[at + e.Length]) || IsHan(e[0])));

    /// <summary>
    /// Nouns, Latin words, places and names (东京大学松尾研究室, 中国移动浙江分公司) and words the segmenter does not know; 与 and ＆ joining two fields (平台与内容). A count (腾讯六大事业群)
    /// speaks of several units, it names none.
    /// </summary>
    private static bool IsTailWord(Token token) =>
        token.Text is "与" or "&" or "＆"
        || (IsHan(token.Text[0]) || char.IsAsciiLetterOrDigit(token.Text[0])) && !OrganizationNameRecogniser.IsCountOrNegation(token)
           && (!token.InDictionary || token.Tag is "n" or "nz" or "vn" or "nt" or "eng" or "l" or "j" or "x" or "b" or "ng" or "an" or "ns" or "nr");

}
