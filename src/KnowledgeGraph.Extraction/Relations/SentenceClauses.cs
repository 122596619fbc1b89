using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A sentence cut into clauses at commas, semicolons and colons; the sentence's closing mark (。！？) belongs to no
/// clause. The clause-level fallbacks read roles inside one clause, so they share one notion of where it ends.
/// </summary>
public static class SentenceClauses
{
    public static IEnumerable<TextRange> Of(string text, Sentence sentence)
    {
        var start = sentence.Range.Start;
        for (var i = start; i <= sentence.Range.End; i++)
        {
            if (i < sentence.Range.End && text[i] is not ('，' or ',' or '；' or ';' or '：' or ':' or '。' or '！' or '？')) continue;
            if (i > start) yield return new TextRange(start, i);
            start = i + 1;
        }
    }
}
