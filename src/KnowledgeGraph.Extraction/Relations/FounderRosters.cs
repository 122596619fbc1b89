using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A roster of founders after a colon, its items parted by semicolons (三位联合创始人堪称“梦之队”：CEO A曾任X的CTO；B曾在Y
/// 主管…；C则是Z教授): the sentence splitter cuts it at each semicolon, so the patterns see the roster's opening, with the
/// first founder, apart from the items after it. Each item the founder opens (perhaps after a title) is a founder of
/// the company the first item's founder founded; the roster ends with the sentence the first semicolon-free item closes.
/// </summary>
public static class FounderRosters
{
    private const double ItemPenalty = 0.95;

    /// <summary>How far into an item its founder may stand: a title or a short description before the name.</summary>
    private const int HolderReach = 12;

    private static readonly string[] Heads = LanguageData.EmbeddedWords.List("relations/roster-heads.txt");

    public static List<RelationCandidate> WithLaterItems(Document document, List<RelationCandidate> candidates)
    {
        var added = new List<RelationCandidate>();
        foreach (var founding in candidates.Where(c => c.Type == "FOUNDED"))
        {
            if (!OpensRoster(document, founding)) continue;
            var previous = founding.Sentence;
            for (var next = previous.Index + 1; next < document.Sentences.Count && EndsWithSemicolon(document, previous); next++)
            {
                var item = document.Sentences[next];
                if (item.Paragraph != previous.Paragraph || ItemFounder(document, item) is not { } founder) break;
                if (!candidates.Concat(added).Any(c => c.Type == "FOUNDED" && c.Subject == founder && c.Object == founding.Object))
                    added.Add(founding with { Subject = founder, Sentence = item, Confidence = Math.Round(founding.Confidence * ItemPenalty, 3) });
                previous = item;
            }
        }
        return added.Count == 0 ? candidates : [.. candidates, .. added];
    }

    /// <summary>
    /// The founding's sentence ends with a semicolon and names its founder after a colon that closes a clause holding a
    /// founders' word.
    /// </summary>
    private static bool OpensRoster(Document document, RelationCandidate founding)
    {
        var sentence = founding.Sentence;
        if (!EndsWithSemicolon(document, sentence)) return false;
        var text = document.Text.AsSpan(sentence.Range.Start, sentence.Range.Length);
        var colon = text.IndexOfAny('：', ':');
        if (colon < 0) return false;
        var before = text[..colon];
        var clause = before[(before.LastIndexOfAny('，', ',') + 1)..];
        var clauseText = clause.ToString();
        return Heads.Any(head => clauseText.Contains(head, StringComparison.Ordinal)) && document.Mentions.Any(m => m.Entity == founding.Subject && m.Sentence == sentence.Index
                                                     && m.Range.Start > sentence.Range.Start + colon);
    }

    /// <summary>
    /// The person opening the item, with no comma nor other name before it and at most a title's length in; the
    /// organization resolution supplies for a bare title (no text of its own) is no name before it.
    /// </summary>
    private static EntityCluster? ItemFounder(Document document, Sentence item)
    {
        var first = document.Mentions.Where(m => m.Sentence == item.Index && m.Entity is not null && m.Range.Length > 0)
            .OrderBy(m => m.Range.Start).FirstOrDefault();
        if (first is not { Type: "Person" } || first.Range.Start - item.Range.Start > HolderReach) return null;
        var lead = document.Text.AsSpan(item.Range.Start, first.Range.Start - item.Range.Start);
        return lead.IndexOfAny('，', ',') < 0 ? first.Entity : null;
    }

    private static bool EndsWithSemicolon(Document document, Sentence sentence)
    {
        var end = sentence.Range.End;
        while (end > sentence.Range.Start && char.IsWhiteSpace(document.Text[end - 1])) end--;
        return end > sentence.Range.Start && document.Text[end - 1] is '；' or ';';
    }
}
