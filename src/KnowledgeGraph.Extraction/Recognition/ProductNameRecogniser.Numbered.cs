using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class ProductNameRecogniser
{
    /// <summary>
    /// Chinese chips, devices and cars are named by a two-character word and a model number (倚天710, 昆仑1, 风华2号,
    /// 极越01, 武当C1200): right after a product noun (服务器CPU倚天710, 车型极越01) or right before one (麒麟970手机芯片), such
    /// a name is a product even when no maker's name stands before it, and a Latin name read from its code alone is part of it. A word that counts, orders or times (第1, 共有300,
    /// 版本12) is no name, nor is a number a unit makes a quantity (芯片出货100万颗).
    /// </summary>
    private void FindNumberedAtProductNouns(Document document, Sentence sentence)
    {
        var text = document.Text;
        if (text.AsSpan(sentence.Range.Start, sentence.Range.Length).IndexOfAnyInRange('0', '9') < 0) return;
        foreach (var match in NumberedName().EnumerateMatches(text.AsSpan(sentence.Range.Start, sentence.Range.Length)))
        {
            var (start, end) = (sentence.Range.Start + match.Index, sentence.Range.Start + match.Index + match.Length);
            if (text[end - 1] != NumberWord && end < text.Length && (QuantityCharacters.Contains(text[end]) || CountedCharacters.Contains(text[end]))) continue;
            var nounBefore = RecognitionData.MatchEndingAt(data.ProductCues, text, start) is not null;
            var nounAfter = RecognitionData.MatchStartingAt(data.ProductCues, text, end, sentence.Range.End) is not null;
            if (!nounBefore && !nounAfter || !IsNameWord(document, sentence, start, start + NameWordLength) || IsCommonNoun(text.Substring(start, NameWordLength))) continue;
            // A Latin name read from the code on (X5 of 旭日X5芯片) is the end of this one, not another name.
            if (document.Mentions.Any(m => m.Range.Overlaps(new TextRange(start, end))
                                           && (m.Type != "Product" || m.Source == MentionSource.Lexicon || m.Range.Start < start + NameWordLength || m.Range.End > end))) continue;
            Add(document, sentence, start, end, 0.8);
        }
    }

    private const int NameWordLength = 2;

    /// <summary>Units of time and of things counted that a number before them measures (上线45天, 部署2万片).</summary>
    private static readonly string CountedCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "counted-units");

    /// <summary>A product noun, an organization's ending or a generic word (公司1X, 芯片2) is what is named, not the name.</summary>
    private bool IsCommonNoun(string word) =>
        data.IsGeneric(word) || data.ProductCues.Contains(word) || data.OrganizationSuffixes.Contains(word);

    /// <summary>号 closes a numbered name (风华2号) rather than counting something.</summary>
    private const char NumberWord = '号';

    /// <summary>
    /// The two characters are a word of their own, not the end of a longer one (出货), and not one that counts, orders,
    /// times or is grammar (第一, 共有, 去年, 已经).
    /// </summary>
    private static bool IsNameWord(Document document, Sentence sentence, int start, int end)
    {
        foreach (var token in document.TokensOf(sentence))
        {
            if (token.Range.End <= start) continue;
            if (token.Range.Start >= end) break;
            if (token.Range.Start < start || token.Range.End > end) return false;
            if (token.InDictionary && token.Tag is "v" or "vn" or "vd" or "m" or "q" or "mq" or "t" or "p" or "c" or "d" or "f" or "r" or "u" or "uj" or "a" or "ad") return false;
        }
        return document.Text.AsSpan(start, end - start).IndexOfAny(NotNameCharacters) < 0;
    }

    /// <summary>Characters of a word that orders, versions or numbers things (第, 版本, 型号, 编号, 期, 代, 款).</summary>
    private static readonly string NotNameCharacters = LanguageData.EmbeddedWords.Characters("recognition/number-characters.tsv", "ordering-characters");

    [System.Text.RegularExpressions.GeneratedRegex(@"[\u4E00-\u9FFF]{2}(?:\d{1,4}[A-Z]?(?:号)?|[A-Z]{1,2}\d{1,4}[A-Za-z]?)(?![0-9A-Za-z.])")]
    private static partial System.Text.RegularExpressions.Regex NumberedName();
}
