using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The company a bare stake statement holds, the statement naming only the holders (「其中，A持股55%，B持股45%」,
/// 「丰田、索尼各出资10亿日元」): the organization last named, in this paragraph or the few before it, as being set up,
/// registered, bought or valued (Rapidus成立于…, 新公司命名为“集度”, 交易对波士顿动力的估值), passing over the holders
/// named in between (原股东C则保留约20%的股权). The chain of clause topics is no guide here: its topic is most often a
/// holder of the clause before. Its words are in <c>relations/held-companies.tsv</c>.
/// </summary>
public sealed class HeldCompanies
{
    private readonly string[] _after;
    private readonly string[] _alone;
    private readonly string[] _before;
    private readonly string[] _holder;

    public HeldCompanies(LanguageResources resources)
    {
        var rows = resources.Rows("relations/held-companies.tsv", 2);
        string[] Of(string kind) => rows.Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).Where(w => w.Length > 0).ToArray();
        (_after, _alone, _before, _holder) = (Of("after"), Of("alone"), Of("before"), Of("holder"));
    }

    /// <summary>How many paragraphs before the statement's own the company may have been named in.</summary>
    private const int ParagraphsBack = 3;

    public Mention? At(Document document, int position, IReadOnlyCollection<Mention> holders)
    {
        var paragraph = document.Sentences.FirstOrDefault(s => s.Range.Start <= position && position < s.Range.End)?.Paragraph ?? -1;
        if (paragraph < 0) return null;
        var text = document.Text;
        foreach (var mention in document.Mentions.Where(m => m is { IsAnaphor: false, Type: "Organization", Entity: not null, Sentence: >= 0 }
                                                            && m.Range.End <= position).OrderByDescending(m => m.Range.Start))
        {
            var at = document.Sentences[mention.Sentence].Paragraph;
            if (at < paragraph - ParagraphsBack || document.Separates(at, paragraph)) break;
            if (holders.Any(h => h.Entity == mention.Entity)) continue;
            var rest = AfterAlias(text, mention.Range.End);
            var clauseEnd = text.IndexOfAny(ClauseBreaks, rest);
            var clause = text[rest..(clauseEnd < 0 ? text.Length : clauseEnd)];
            // A holder named before (原股东C则保留约20%的股权) is passed over; the walk goes on to the company it holds.
            if (_holder.Any(w => clause.Contains(w, StringComparison.Ordinal))) continue;
            if (_after.Any(w => clause.StartsWith(w, StringComparison.Ordinal)) || _alone.Contains(clause) || Follows(text, mention.Range.Start, _before))
                return AliasOf(document, mention, rest) ?? mention;
        }
        return null;
    }

    /// <summary>The name a bracket right after the mention gives it for the rest of the text (（下称“集度”）), when it is one of its own.</summary>
    private static Mention? AliasOf(Document document, Mention mention, int bracketEnd) =>
        document.Mentions.FirstOrDefault(m => m is { IsAnaphor: false, Type: "Organization", Entity: not null } && m.Entity != mention.Entity
                                              && m.Range.Start > mention.Range.End && m.Range.End < bracketEnd);

    private static readonly char[] ClauseBreaks = ['，', ',', '。', '；', ';', '！', '？', '\n'];

    /// <summary>Past a closing quote and a bracketed alias or foreign name after the name (“集度汽车有限公司”（下称“集度”）).</summary>
    private static int AfterAlias(string text, int end)
    {
        if (end < text.Length && text[end] is '”' or '」' or '"') end++;
        if (end < text.Length && text[end] is '（' or '(')
        {
            var close = text.IndexOfAny(['）', ')'], end);
            if (close > end && close - end <= 40) end = close + 1;
        }
        return end;
    }

    /// <summary>One of the words ends right before the name, an opening quote between them allowed.</summary>
    private static bool Follows(string text, int start, string[] words)
    {
        if (start > 0 && text[start - 1] is '“' or '「' or '"') start--;
        return words.Any(w => start >= w.Length && string.CompareOrdinal(text, start - w.Length, w, 0, w.Length) == 0);
    }
}
