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
            .Where(m => m.Type == "Person" && m.Range.End <= position)
            .OrderBy(m => m.Range.Start)
            .ToList();
        if (candidates.Count == 0) return null;
        var speaker = candidates.LastOrDefault(m => m.Sentence == sentence.Index && SpeechVerb.IsMatch(document.Text.AsSpan(m.Range.End, Math.Min(12, sentence.Range.End - m.Range.End)).ToString()));
        if (speaker is not null) return speaker;
        var nearest = candidates[^1].Sentence;
        return candidates.First(m => m.Sentence == nearest);
    }
}
