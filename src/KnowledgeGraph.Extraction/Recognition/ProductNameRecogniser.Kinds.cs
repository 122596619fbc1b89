using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

public sealed partial class ProductNameRecogniser
{
    /// <summary>
    /// A coined Chinese name right before a kind of product (观澜大模型, 蜂鸟芯片, 壁砺加速卡, 征程系列), perhaps with its version
    /// between (天工3.0大模型), is the product's name: two characters that are a word of their own, a noun or a word the
    /// dictionary does not know or hardly knows, and that say nothing of what the product is for or how it stands among
    /// others (医疗大模型, 手机芯片, 旗舰系列: recognition/product-kind-modifiers.txt). The kind is part of the name where such
    /// products are called by it (观澜大模型); else the name stands alone (蜂鸟 of 蜂鸟芯片).
    /// </summary>
    private void FindCoinedBeforeKinds(Document document, Sentence sentence)
    {
        var text = document.Text;
        foreach (var (kind, partOfName) in data.CoinedNameKinds)
        {
            for (var at = text.IndexOf(kind, sentence.Range.Start, sentence.Range.Length, StringComparison.Ordinal);
                 at > sentence.Range.Start;
                 at = at + kind.Length < sentence.Range.End ? text.IndexOf(kind, at + kind.Length, sentence.Range.End - at - kind.Length, StringComparison.Ordinal) : -1)
            {
                // 模型 of 大模型 or of 语言模型 is not the kind here: the longer noun is, and what stands before it.
                if (RecognitionData.MatchEndingAt(data.ProductCues, text, at + kind.Length) is { } longer && longer.Length > kind.Length) continue;
                var versionStart = at;
                while (versionStart > sentence.Range.Start && (char.IsAsciiDigit(text[versionStart - 1]) || text[versionStart - 1] == '.' && versionStart < at)) versionStart--;
                if (versionStart < at && !char.IsAsciiDigit(text[versionStart])) continue;
                var start = versionStart - NameWordLength;
                if (start < sentence.Range.Start || !IsHan(text[start]) || !IsHan(text[start + 1])) continue;
                // A number before measures (5纳米芯片), it does not open a name.
                if (start > sentence.Range.Start && char.IsAsciiDigit(text[start - 1])) continue;
                var end = partOfName && versionStart == at ? at + kind.Length : at;
                if (!IsCoinedNameBeforeKind(document, sentence, start, versionStart)) continue;
                // A name right after the kind, perhaps after another product noun, is what the kind describes (基带芯片春藤510,
                // 风控大模型平台RiskMind); a family with its model code there (武当系列芯片C1200) is named by the two together.
                if (IsNameAfter(document, at + kind.Length, sentence)) continue;
                var range = new TextRange(start, end);
                if (document.Mentions.Any(m => m.Range.Overlaps(range) || m.Range.Overlaps(new TextRange(at, at + kind.Length)))) continue;
                // A known product named by the word and its kind (天工大模型) keeps the word: 天工模型 is that product, not another;
                // a version of it (天工3.0大模型) is a product of its own.
                var name = text[start..versionStart];
                if (versionStart == at && document.Mentions.Any(m => m.Source == MentionSource.Lexicon && m.Type == "Product" && m.Text.StartsWith(name, StringComparison.Ordinal))) continue;
                Add(document, sentence, start, end, 0.7);
            }
        }
    }

    /// <summary>
    /// The two characters are words of their own (a token starts at the first, one ends after the second and one starts
    /// the kind after them), none of grammar, counting, time or action (将其, 两款, 用于, 装上), and together no modifier of the
    /// kind, no generic word and no product noun; a single word is a noun the dictionary knows at most a few hundred times
    /// (征程, not 部署 or 语言) or one it does not know.
    /// </summary>
    private bool IsCoinedNameBeforeKind(Document document, Sentence sentence, int start, int end)
    {
        var word = document.Slice(start, end);
        if (data.ProductKindModifiers.Contains(word) || IsCommonNoun(word) || CountingCharacters.Contains(word[0]) || NotOpeningCharacters.Contains(word[0])
            || VerbEndings.Contains(word[^1]) || word.AsSpan().IndexOfAny(NotNameCharacters) >= 0) return false;
        bool startsToken = false, endsToken = false, kindStartsToken = false;
        foreach (var token in document.TokensOf(sentence))
        {
            if (token.Range.End <= start) continue;
            if (token.Range.Start >= end)
            {
                kindStartsToken = token.Range.Start == end;
                break;
            }
            if (token.Range.Start < start || token.Range.End > end) return false;
            startsToken |= token.Range.Start == start;
            endsToken |= token.Range.End == end;
            if (!token.InDictionary) continue;
            if (!IsNounTag(token.Tag) || token.Text.Length == end - start && !dictionary.IsUncommonWord(token.Text)) return false;
        }
        return startsToken && endsToken && kindStartsToken;
    }

    /// <summary>
    /// A model code or a Latin name (C1200, RiskMind), or a name already found, perhaps after a product noun (芯片C1200,
    /// 平台RiskMind), right at <paramref name="at"/>.
    /// </summary>
    private bool IsNameAfter(Document document, int at, Sentence sentence)
    {
        var text = document.Text;
        if (RecognitionData.MatchStartingAt(data.ProductCues, text, at, sentence.Range.End) is { } noun) at += noun.Length;
        return at < sentence.Range.End && (char.IsAsciiLetterOrDigit(text[at]) || document.Mentions.Any(m => m.Range.Start == at && m.Type is "Product" or "Organization"));
    }

    /// <summary>Characters that open a measure or a count (单张, 整颗), not a name.</summary>
    private static readonly string NotOpeningCharacters = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "measure-openers");

    /// <summary>Characters that end a verb with its complement (装上, 用到, 接入), not a name.</summary>
    private static readonly string VerbEndings = LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "verb-complements");

    private static bool IsNounTag(string tag) => tag.Length > 0 && tag[0] == 'n' || tag is "j" or "t";
}
