using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class ProductNameRecogniser
{
    /// <summary>
    /// A name in quotes that the words before it say is a product's own name, whatever words it is made of: after a
    /// noun that is the product itself (SaaS产品“云帆助手”, 第一款产品“听澜”), or after a naming verb with a product noun
    /// before it (产品名叫“量仓”) or a kind of product after it (一套名为“澄镜平台”的工业质检方案). Coined or not, such a
    /// name is no emphasis: the sentence says it is what the thing is called. So is a name right after a kind of product
    /// whose quotes name (AI助手“问一问”, 写作工具“星期五”), unless its own words make it emphasis.
    /// </summary>
    private void FindQuotedAfterNamingWords(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var open = sentence.Range.Start + 1; open < sentence.Range.End - 1; open++)
        {
            if (text[open] is not ('“' or '「' or '《' or '"')) continue;
            var close = QuoteClose(text, open, sentence);
            if (close <= open + 1) continue;
            var named = data.IsNamedAsProduct(text, open, close + 1)
                        || RecognitionData.MatchEndingAt(data.QuotedProductKinds, text, open) is not null && !IsEmphasis(document, sentence, open + 1, close);
            if (named && !IsOneCommonWord(document, sentence, open + 1, close))
                Add(document, sentence, open + 1, close, 0.8);
            open = close;
        }
    }

    /// <summary>
    /// A quoted phrase after a kind of product that stresses something rather than names it: it counts (“四大家族”), holds
    /// words of grammar or a word of place and order (“最后一公里”), or ends in a noun of what is no entity (AI助手“投流大战”,
    /// as GTC大会 or MIT许可证).
    /// </summary>
    private bool IsEmphasis(Document document, Sentence sentence, int start, int end)
    {
        var text = document.Text;
        if (CountingCharacters.Contains(text[start]) || HoldsClauseWord(document, sentence, start, end)
            || document.TokensOf(sentence).Any(t => t.Range.Start >= start && t.Range.End <= end && t.Text.Length >= 2 && t.Tag == "f")) return true;
        foreach (var (type, noun) in data.HeadNouns)
        {
            if (type == RecognitionData.NotAnEntity && end - start > noun.Length && string.CompareOrdinal(text, end - noun.Length, noun, 0, noun.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>How many characters may describe the kind between a quoted name and its product noun (“夸父”人形机器人).</summary>
    private const int MaxKindLead = 4;

    /// <summary>
    /// A name in quotes right before the kind of product it names, perhaps as a series or after 的 (“悟空”系列大模型,
    /// “听风”人形机器人, “田医生”的App): the noun after says what the name is of, as one before it does. A coined name may
    /// have a few words of description before the noun; a compound of nouns only when the noun follows at once, since
    /// quoted techniques and modes stand there too (“混合推理”开源模型, “深度研究”Agent). Not before a company's ending
    /// (“听风”机器人公司 names a company).
    /// </summary>
    private void FindQuotedBeforeProductNouns(Document document, Sentence sentence)
    {
        var text = document.Text;
        for (var open = sentence.Range.Start; open < sentence.Range.End - 2; open++)
        {
            if (text[open] is not ('“' or '「' or '"')) continue;
            var close = QuoteClose(text, open, sentence);
            if (close <= open + 1) continue;
            if (KindLeadAfter(text, close + 1, sentence.Range.End) is { } lead && !document.Mentions.Any(m => m.Range.Start == open + 1 && m.Range.End == close)
                && (IsLatinName(text, open + 1, close) || IsCoinedChineseName(document, sentence, open + 1, close)
                    || lead == 0 && IsQuotedCompound(document, sentence, open + 1, close, nounsOnly: true))
                && !IsOneCommonWord(document, sentence, open + 1, close))
                Add(document, sentence, open + 1, close, 0.75);
            open = close;
        }
    }

    /// <summary>
    /// How many characters describe the product noun that follows <paramref name="at"/>, perhaps after 系列 and 的, with no
    /// company's ending after the noun; null where no product noun follows within a few characters.
    /// </summary>
    private int? KindLeadAfter(string text, int at, int end)
    {
        if (text.AsSpan(at).StartsWith(SeriesWord)) at += SeriesWord.Length;
        if (at < end && text[at] == '的') at++;
        for (var lead = 0; lead <= MaxKindLead && at + lead < end; lead++)
        {
            if (lead > 0 && !HanCharacters.IsHan(text[at + lead - 1])) return null;
            if (RecognitionData.MatchStartingAt(data.ProductCues, text, at + lead, end) is { } kind)
                return RecognitionData.MatchStartingAt(data.OrganizationSuffixes, text, at + lead + kind.Length, text.Length) is null ? lead : null;
        }
        return null;
    }

    private const string SeriesWord = "系列";

    /// <summary>A quoted Latin name with a capital (“Nova Scientist”), not a bare acronym of emphasis.</summary>
    private static bool IsLatinName(string text, int start, int end) =>
        end - start >= 3 && text.AsSpan(start, end - start).ContainsAnyInRange('A', 'Z') && text.AsSpan(start, end - start).IndexOfAnyInRange('\u2E80', '\uFFFF') < 0;

    /// <summary>A quoted Chinese name a product noun stands right before is coined (see <see cref="IsCoinedChineseName"/>) or a compound of words.</summary>
    private bool IsQuotedCoinedName(Document document, Sentence sentence, int start, int end) =>
        IsCoinedChineseName(document, sentence, start, end) || IsQuotedCompound(document, sentence, start, end, nounsOnly: false);

    /// <summary>
    /// Two or more words the dictionary knows only apart (丰收眼, 虫医生): a phrase of emphasis is one word or a set phrase,
    /// and a compound nobody writes is a name. Words of grammar or time (不够独立, 目前最好), an adjective at either end
    /// (“小巨人”, “更聪明”), a verb at the end (“找工作”) or a product noun inside (“双模型”) make it a phrase.
    /// </summary>
    private bool IsQuotedCompound(Document document, Sentence sentence, int start, int end, bool nounsOnly)
    {
        if (end - start is < 3 or > MaxCompoundNameLength || CountingCharacters.Contains(document.Text[start])) return false;
        var tags = new List<string>();
        foreach (var token in document.TokensOf(sentence))
        {
            if (token.Range.End <= start) continue;
            if (token.Range.Start >= end) break;
            if (token.Range.Start < start || token.Range.End > end || !token.Text.All(HanCharacters.IsHan) || IsGrammarTag(token.Tag)
                || data.ProductCues.Contains(token.Text)) return false;
            tags.Add(token.Tag);
        }
        if (tags.Count < 2 || tags[0].StartsWith('a') || tags[^1].StartsWith('a') || tags[^1].StartsWith('v')) return false;
        return !nounsOnly || tags.All(tag => tag.StartsWith('n'));
    }

    private const int MaxCompoundNameLength = 6;

    /// <summary>
    /// Adverbs, pronouns, particles, prepositions, conjunctions, numerals, time words and distinguishing words (超级, 目前) make
    /// a phrase, not a name.
    /// </summary>
    private static bool IsGrammarTag(string tag) => tag.Length > 0 && tag[0] is 'd' or 'r' or 'u' or 'p' or 'c' or 'm' or 'b' or 'y' or 'e' or 'q' or 't';
}
