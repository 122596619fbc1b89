using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

// The Chinese noun written after a name (Grace CPU, ACF SuperNIC网络芯片, 名为CLAIRE的AI引擎), which types it first.
public sealed partial class EnglishNameRecogniser
{
    /// <summary>Where the tokens of the run end, including a category word removed from the name (Grace CPU).</summary>
    private static int EndWithCategoryWords(List<Token> sentenceTokens, List<Token> words)
    {
        var index = sentenceTokens.IndexOf(words[^1]);
        while (index + 1 < sentenceTokens.Count && CategoryWords.Contains(sentenceTokens[index + 1].Text)) index++;
        return sentenceTokens[index].Range.End;
    }

    /// <summary>
    /// The noun right after the name, or after one or two modifiers (ACF SuperNIC网络芯片), or after 的 when the
    /// name was introduced as a name (名为CLAIRE的AI引擎).
    /// </summary>
    private (string? Type, int Modifiers, string? Noun) HeadNounType(Document document, List<Token> tokens, int index, bool named)
    {
        if (index < 0) return (null, 0, null);
        var text = document.Text;
        while (index < tokens.Count && tokens[index].Text is "）" or ")" or "”" or "」" or "》") index++;
        index = AfterChineseGloss(document.Text, tokens, index);
        // A list closed by 等 is of the kind the noun after it says (Wormhole、Blackhole等AI加速卡).
        if (index < tokens.Count && tokens[index].Text is "等" or "等等") index++;
        if (named && index < tokens.Count && tokens[index].Text == "的") index++;
        for (var skipped = 0; index < tokens.Count && skipped <= MaxWorkModifiers; index++, skipped++)
        {
            var token = tokens[index];
            foreach (var (type, noun) in data.HeadNouns)
            {
                // A third modifier is read only on the way to a noun that rules the name out (Switchboard对话语音识别任务).
                if (skipped > MaxModifiers && type != RecognitionData.NotAnEntity) continue;
                if (string.CompareOrdinal(text, token.Range.Start, noun, 0, noun.Length) == 0) return (type, skipped, noun);
                if (token.Text.Length > noun.Length && token.Text.EndsWith(noun, StringComparison.Ordinal) && IsModifier(token) && skipped < MaxWorkModifiers) return (type, skipped + 1, noun);
            }
            if (!IsModifier(token) && !(named && token.Tag == "v")) return (null, 0, null);
        }
        return (null, 0, null);
    }

    /// <summary>
    /// The type the noun after a list of Latin names gives every item, where the name opens the list or goes on with it:
    /// a noun or a cue that rules its items out (Mask R-CNN、MoCo、MAE等一系列工作, Transformer-XL和XLNet的作者之一) makes
    /// each such a work, and a product's noun (M55H和M76H芯片, Mate和P系列) makes each a product, not only the last one
    /// the noun stands next to. The type and the noun; no type when no list follows or its noun types nothing.
    /// </summary>
    private (string? Type, string? Noun) ListEndType(Document document, List<Token> tokens, int index)
    {
        if (index < 0) return (null, null);
        var listEnd = -1;
        while (index + 1 < tokens.Count && ListJoints.Contains(tokens[index].Text) && tokens[index + 1].Tag == "eng")
        {
            index++;
            while (index < tokens.Count && tokens[index].Tag is "eng" or "m") index++;
            listEnd = index;
        }
        if (listEnd < 0 || listEnd >= tokens.Count) return (null, null);
        var at = tokens[listEnd].Range.Start;
        var (type, _, noun) = HeadNounType(document, tokens, listEnd, named: false);
        if (type is RecognitionData.NotAnEntity or "Product") return (type, noun);
        return data.TypeFromContext(document.Text, at, at) == RecognitionData.NotAnEntity ? (RecognitionData.NotAnEntity, null) : (null, null);
    }

    private static readonly HashSet<string> ListJoints = LanguageData.EmbeddedWords.Set("recognition/list-joiners.tsv", "english-names");

    private const int MaxModifiers = 2;
    private const int MaxWorkModifiers = 3;

    /// <summary>How many characters a bracketed Chinese gloss between a name and its noun may hold (IPU（智能处理单元）芯片).</summary>
    private const int MaxGlossLength = 12;

    /// <summary>
    /// The token after a bracketed gloss in Chinese that opens at <paramref name="index"/> (LPU（语言处理单元）芯片): the
    /// gloss explains the name, and the noun after it still tells what the name is. A bracket with Latin letters or
    /// digits spells or dates the name instead, and leaves the index where it is.
    /// </summary>
    private static int AfterChineseGloss(string text, List<Token> tokens, int index)
    {
        if (index >= tokens.Count || tokens[index].Text is not ("（" or "(")) return index;
        var opening = tokens[index].Range.End;
        var closing = text.IndexOfAny(['）', ')'], opening, Math.Min(MaxGlossLength + 1, text.Length - opening));
        if (closing <= opening) return index;
        for (var i = opening; i < closing; i++)
        {
            if (text[i] is < '\u4e00' or > '\u9fff') return index;
        }
        var after = index;
        while (after < tokens.Count && tokens[after].Range.Start <= closing) after++;
        return after;
    }

    private bool IsModifier(Token token) =>
        token.Tag is "n" or "vn" or "nz" or "ns" or "x" or "b" or "an" or "l" or "ng" or "j" || token.Tag == "eng" && data.EnglishStopwords.Contains(token.Text)
        || data.ModifierVerbs.Contains(token.Text);

    /// <summary>Words before a name that say what follows is its name (名为CLAIRE的AI引擎): the noun after 的 types it.</summary>
    private static readonly string[] NamingWords = LanguageData.EmbeddedWords.List("recognition/naming-words.tsv", "latin-names");

    /// <summary>A naming word (名为, 代号为) right before the name, or before the quotation mark opening it (代号为“Orion”).</summary>
    private static bool NamedBefore(string text, int start)
    {
        if (start > 0 && text[start - 1] is '“' or '「' or '"') start--;
        return NamingWords.Any(w => start >= w.Length && string.CompareOrdinal(text, start - w.Length, w, 0, w.Length) == 0);
    }
}
