using System.Buffers;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A sentence cut into clauses at commas, semicolons and colons; the sentence's closing mark (。！？) belongs to no
/// clause. The clause-level fallbacks read roles inside one clause, so they share one notion of where it ends. A comma
/// inside brackets separates the names given there (全球基础设施合作伙伴（Global Infrastructure Partners，GIP）), not clauses.
/// </summary>
public static class SentenceClauses
{
    /// <summary>The marks that end a clause inside a sentence.</summary>
    public static readonly SearchValues<char> Breaks = SearchValues.Create("，,；;：:");

    public static IEnumerable<TextRange> Of(string text, Sentence sentence)
    {
        var start = sentence.Range.Start;
        var depth = 0;
        for (var i = start; i <= sentence.Range.End; i++)
        {
            if (i < sentence.Range.End)
            {
                // An opening bracket never closed in the sentence holds no names: its commas still end clauses.
                if (text[i] is '（' or '(' && text.AsSpan(i, sentence.Range.End - i).IndexOfAny('）', ')') > 0) depth++;
                else if (text[i] is '）' or ')' && depth > 0) depth--;
                if (depth > 0 && Breaks.Contains(text[i])) continue;
            }
            if (i < sentence.Range.End && !Breaks.Contains(text[i]) && text[i] is not ('。' or '！' or '？')) continue;
            if (i > start) yield return new TextRange(start, i);
            start = i + 1;
        }
    }
}
