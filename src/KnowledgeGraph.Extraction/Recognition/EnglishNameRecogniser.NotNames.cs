using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Recognition;

// Latin words that are no name though shaped like one: an address, a stock code, a work's title, a gloss of a term.
public sealed partial class EnglishNameRecogniser
{
    /// <summary>Words of a web address or file name (example.com/a/99314.shtml) are not names.</summary>
    private static bool IsPartOfAddress(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] is '/' or '.' or '@' or ':' || end < text.Length && text[end] is '/' or '@') return true;
        var word = text[start..end];
        return word.Contains(".com", StringComparison.OrdinalIgnoreCase) || word.Contains("html", StringComparison.OrdinalIgnoreCase)
               || word.StartsWith("www", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Several words in title marks are the title of a paper, book or post (《Attention Is All You Need》).</summary>
    private static bool IsTitleOfAWork(string text, int start, int end, List<Token> words) =>
        words.Count >= 3 && start > 0 && text[start - 1] == '《' && end < text.Length && text[end] == '》';

    /// <summary>
    /// Capitals or digits written as a listed company's stock code (股票代码为“WRD”, NASDAQ: PONY, 9660.HK, 以“ARM”为代码):
    /// a ticker, not another name of the company.
    /// </summary>
    private bool IsStockCode(string text, int start, int end)
    {
        if (!IsCodeShaped(text, start, end)) return false;
        var before = start;
        while (before > 0 && text[before - 1] is ' ' or '“' or '"' or '「' or '\'') before--;
        var after = end;
        while (after < text.Length && text[after] is ' ' or '”' or '"' or '」' or '\'') after++;
        foreach (var cue in data.TickerCues)
        {
            if (cue.Position == CuePosition.Before ? before >= cue.Word.Length && string.CompareOrdinal(text, before - cue.Word.Length, cue.Word, 0, cue.Word.Length) == 0
                    : string.CompareOrdinal(text, after, cue.Word, 0, cue.Word.Length) == 0
                      // A market's suffix (.HK) may be read into the code's word itself.
                      || cue.Word[0] == '.' && end - start > cue.Word.Length && string.CompareOrdinal(text, end - cue.Word.Length, cue.Word, 0, cue.Word.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>Upper-case letters, digits and the dot of a market's suffix (9660.HK): the shape of a stock code.</summary>
    private static bool IsCodeShaped(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '.')) return false;
        }
        return true;
    }

    /// <summary>
    /// English in brackets right after a common Chinese term glosses the term (混合专家（MoE）, 思维树（Tree of
    /// Thoughts）); after a name it spells the name, and that case has a recognised mention before the bracket.
    /// </summary>
    private bool IsGlossOfATerm(Document document, MentionSpans spans, List<Token> sentenceTokens, int start, int end, List<Token> words)
    {
        var text = document.Text;
        if (start < 2 || text[start - 1] is not ('（' or '(') || end >= text.Length || text[end] is not ('）' or ')')) return false;
        if (LooksLikePersonName(words, text)) return false;
        if (spans.EndingAt(start - 1).Count > 0 || text[start - 2] is '》' or '”' or '」' && spans.EndingAt(start - 2).Count > 0) return false;
        if (text[start - 2] is '》' or '”' or '」') return true;
        if (words.Any(w => OrganizationWords.Contains(w.Text))) return false;
        if (RecognitionData.MatchEndingAt(data.OrganizationSuffixes, text, start - 1) is not null) return false;
        var before = sentenceTokens.LastOrDefault(t => t.Range.End == start - 1);
        return before is not null && before.InDictionary && before.Tag is "n" or "vn" or "v" or "l" or "a" && !data.IsTransliteration(before.Text)
               && !IntroducedAsOrganization(text, before);
    }
}
