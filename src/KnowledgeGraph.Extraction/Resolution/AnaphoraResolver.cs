using System.Text.RegularExpressions;
using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Points expressions such as 该公司, 这家初创公司, 该部门, 他, 她 back to the nearest earlier entity of the
/// right type in the paragraph (or the paragraph before). In reported speech a pronoun means the speaker.
/// The anaphors join the document as mentions of their antecedent, for the relation patterns to use.
/// </summary>
public sealed class AnaphoraResolver : IPipelineStage
{
    private static readonly Regex SpeechVerb = new("^(?:直接)?(?:发推|公开|在.{0,8}上)?(?:表示|称|说|透露|宣布|写道)", RegexOptions.Compiled);

    private readonly List<(Regex Pattern, string Type)> _anaphors;

    public AnaphoraResolver(LanguageResources resources)
    {
        _anaphors = resources.Rows("resolution/anaphora.tsv", 2)
            .Select(r => (new Regex(r[0].Trim(), RegexOptions.Compiled | RegexOptions.CultureInvariant), r[1].Trim()))
            .ToList();
    }

    public void Process(Document document)
    {
        var occupied = new System.Collections.BitArray(document.Text.Length);
        foreach (var mention in document.Mentions)
        {
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
        }
        var byParagraph = document.Mentions
            .Where(m => !m.IsAnaphor && m.Entity is not null && m.Sentence >= 0)
            .ToLookup(m => document.Sentences[m.Sentence].Paragraph);
        var added = new List<Mention>();
        foreach (var sentence in document.Sentences)
        {
            var sentenceText = document.Slice(sentence.Range.Start, sentence.Range.End);
            foreach (var (pattern, type) in _anaphors)
            {
                foreach (Match match in pattern.Matches(sentenceText))
                {
                    var range = new TextRange(sentence.Range.Start + match.Index, sentence.Range.Start + match.Index + match.Length);
                    if (Enumerable.Range(range.Start, range.Length).Any(i => occupied[i])) continue;
                    var antecedent = Antecedent(document, byParagraph, sentence, range.Start, type);
                    if (antecedent?.Entity is null) continue;
                    for (var i = range.Start; i < range.End; i++) occupied[i] = true;
                    added.Add(new Mention(range, match.Value, type, MentionSource.Anaphor, antecedent.Confidence * 0.85)
                    {
                        Sentence = sentence.Index,
                        Entity = antecedent.Entity,
                    });
                }
            }
        }
        document.Mentions.AddRange(added);
        document.Mentions.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
    }

    private static Mention? Antecedent(Document document, ILookup<int, Mention> byParagraph, Sentence sentence, int position, string type)
    {
        var candidates = byParagraph[sentence.Paragraph - 1].Concat(byParagraph[sentence.Paragraph])
            .Where(m => m.Type == type && m.Range.End <= position)
            .ToList();
        if (candidates.Count == 0) return null;
        if (type == "Person")
        {
            var speaker = candidates.LastOrDefault(m => m.Sentence == sentence.Index && SpeechVerb.IsMatch(document.Text.AsSpan(m.Range.End, Math.Min(12, sentence.Range.End - m.Range.End)).ToString()));
            if (speaker is not null) return speaker;
        }
        var inParagraph = candidates.Where(m => document.Sentences[m.Sentence].Paragraph == sentence.Paragraph).ToList();
        return (inParagraph.Count > 0 ? inParagraph : candidates).Last();
    }
}
