using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Keeps one reading of every stretch of text: lexicon names first, then longer names, then surer ones.
/// Names that are generic words are dropped.
/// </summary>
public sealed class MentionSelector(RecognitionData data) : IPipelineStage
{
    public void Process(Document document)
    {
        var ordered = document.Mentions
            .Where(m => !data.IsGeneric(m.Text))
            .OrderBy(m => m.Source == MentionSource.Lexicon ? 0 : 1)
            .ThenByDescending(m => m.Range.Length)
            .ThenByDescending(m => m.Confidence)
            .ToList();
        var occupied = new System.Collections.BitArray(document.Text.Length);
        var kept = new List<Mention>();
        foreach (var mention in ordered)
        {
            if (Occupied(occupied, mention.Range)) continue;
            for (var i = mention.Range.Start; i < mention.Range.End; i++) occupied[i] = true;
            kept.Add(mention);
        }
        document.Mentions.Clear();
        document.Mentions.AddRange(kept.OrderBy(m => m.Range.Start));
    }

    private static bool Occupied(System.Collections.BitArray occupied, TextRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (occupied[i]) return true;
        }
        return false;
    }
}
