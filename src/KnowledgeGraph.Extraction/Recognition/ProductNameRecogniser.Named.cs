using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class ProductNameRecogniser
{
    /// <summary>How far after a named name's closing quote and 的 the kind of product it names may end (名为“X”的企业级AI智能体系统).</summary>
    private const int MaxKindDescriptionLength = 12;

    /// <summary>
    /// A name in quotes that the words before it say is a product's own name, whatever words it is made of: after a
    /// noun that is the product itself (SaaS产品“云帆助手”, 第一款产品“听澜”), or after a naming verb with a product noun
    /// before it (产品名叫“量仓”) or a kind of product after it (一套名为“澄镜平台”的工业质检方案). Coined or not, such a
    /// name is no emphasis: the sentence says it is what the thing is called.
    /// </summary>
    private void FindQuotedAfterNamingWords(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var open = sentence.Range.Start + 1; open < sentence.Range.End - 1; open++)
        {
            if (text[open] is not ('“' or '「' or '《' or '"')) continue;
            var close = QuoteClose(text, open, sentence);
            if (close <= open + 1) continue;
            if (IsNamedAsProduct(text, open, close) && !IsOneCommonWord(document, sentence, open + 1, close))
                Add(document, sentence, open + 1, close, 0.8);
            open = close;
        }
    }

    private bool IsNamedAsProduct(string text, int open, int close)
    {
        if (RecognitionData.MatchEndingAt(data.ProductNamingNouns, text, open) is not null) return true;
        if (RecognitionData.MatchEndingAt(data.ProductNamingVerbs, text, open) is not { } verb) return false;
        return RecognitionData.MatchEndingAt(data.ProductCues, text, open - verb.Length) is not null || IsKindAfter(text, close + 1);
    }

    /// <summary>After 的, a short description ending in a kind of product that no organization's ending follows (的智驾方案, not 的芯片公司).</summary>
    private bool IsKindAfter(string text, int at)
    {
        if (at >= text.Length || text[at] != '的') return false;
        for (var end = at + 2; end <= Math.Min(text.Length, at + 1 + MaxKindDescriptionLength); end++)
        {
            if (text[end - 1] is '，' or ',' or '。' or '；' or '、' or '：' or '“' or '”' or '"') return false;
            if (RecognitionData.MatchEndingAt(data.ProductKindsAfterNames, text, end) is not null
                && RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, end, text.Length) is null)
                return true;
        }
        return false;
    }
}
