using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

// He, she: the speaker of the sentence's reported speech, else the subject of the nearest sentence naming people.
public sealed partial class AnaphoraResolver
{
    private static readonly Regex SpeechVerb = new($"^(?:{string.Join("|", LanguageData.EmbeddedWords.List("resolution/speaker-openings.txt"))})", RegexOptions.Compiled);

    /// <summary>
    /// He or she is the speaker of reported speech in the sentence, else the subject of the nearest sentence naming
    /// people: the first person it names, by name or by a pronoun resolved before (「苏茨克维宣布格罗斯已离开SSI，他本人将
    /// 接任」, 「王直接向扎克伯格汇报。他…」 mean 苏茨克维 and 王, not the person named last).
    /// </summary>
    private static Mention? PersonAntecedent(Document document, ILookup<int, Mention> byParagraph, List<Mention> resolved, Sentence sentence, int position)
    {
        var candidates = byParagraph[document.ParagraphBefore(sentence.Paragraph)].Concat(byParagraph[sentence.Paragraph])
            .Concat(resolved.Where(m => m.Type == "Person" && Reaches(document, m, sentence)))
            .Where(m => m.Type == "Person" && m.Range.End <= position && !LabelsTurn(document, m, sentence.Paragraph))
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (candidates.Count == 0) return null;
        var speaker = candidates.LastOrDefault(m => m.Sentence == sentence.Index && SpeechVerb.IsMatch(document.Text.AsSpan(m.Range.End, Math.Min(12, sentence.Range.End - m.Range.End)).ToString()));
        if (speaker is not null) return speaker;
        var nearest = candidates[^1].Sentence;
        var named = candidates.Where(m => m.Sentence == nearest).ToList();
        return named.FirstOrDefault(m => !StandsAside(document.Text, m)) ?? named[0];
    }

    /// <summary>
    /// The person labels the interview turn the pronoun stands in (孔令晗：…他在商汤做了五年): the one answering speaks of
    /// himself as 我, so 他 or 她 there is someone else, the person named in the answer or the question before it.
    /// </summary>
    private static bool LabelsTurn(Document document, Mention mention, int paragraph)
    {
        if (mention.IsAnaphor || mention.Sentence < 0 || document.Sentences[mention.Sentence].Paragraph != paragraph) return false;
        var start = document.Paragraphs[paragraph].Start;
        while (start < mention.Range.Start && char.IsWhiteSpace(document.Text[start])) start++;
        return mention.Range.Start == start && mention.Range.End < document.Text.Length && document.Text[mention.Range.End] is '：' or ':';
    }

    private static readonly string[] AsideBefore = LanguageData.EmbeddedWords.List("resolution/aside-person-positions.tsv", "before");
    private static readonly string[] AsideAfter = LanguageData.EmbeddedWords.List("resolution/aside-person-positions.tsv", "after");
    private static readonly string[] AsideLead = LanguageData.EmbeddedWords.List("resolution/aside-person-positions.tsv", "lead");

    /// <summary>
    /// The person is named aside from the sentence's subject: after a preposition or a verb of taking over (与戴伊一同离开的还有…,
    /// 接替林普的是帕奈), before 的 (林普的继任者), or in a clause of condition or concession (如果说林普和帕奈负责产品，…): a later 他
    /// means the first person of the sentence not named so, when there is one; a pronoun resolved before never stands aside.
    /// </summary>
    private static bool StandsAside(string text, Mention mention)
    {
        // A pronoun resolved before keeps the person the sentences go on about (他的导师是A。他后来…).
        if (mention.IsAnaphor) return false;
        var start = mention.Range.Start;
        if (AsideBefore.Any(word => EndsAt(text, start, word))) return true;
        if (AsideAfter.Any(word => string.CompareOrdinal(text, mention.Range.End, word, 0, word.Length) == 0)) return true;
        var clause = start;
        while (clause > 0 && text[clause - 1] is not ('，' or ',' or '。' or '；' or ';' or '！' or '？' or '\n')) clause--;
        return AsideLead.Any(word => string.CompareOrdinal(text, clause, word, 0, word.Length) == 0);
    }
}
