using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Pipeline.HanCharacters;

namespace KnowledgeGraph.Extraction.Recognition;

/// <summary>
/// Short forms of companies that are ordinary words too (理想, 大众, 通用; recognition/gated-short-forms.tsv) are not in
/// the trie: they name their company only where the context confirms it.
/// </summary>
public sealed partial class LexiconRecogniser
{
    /// <summary>Short forms that are ordinary words too (理想, 大众), with the company they name where the context says so.</summary>
    private readonly Dictionary<string, LexiconEntry> _gatedForms;

    /// <summary>
    /// The gated short forms (理想, 大众, 通用; 元宝, 可图) that name their company or product here: a whole segmenter word
    /// standing in a list next to a known name of the same type (一汽、东风、长安; 华为、联想; 豆包、Kimi、元宝), or right after
    /// its known owner, perhaps with 的 between (腾讯的元宝, 快手的可图), or, in an article that names it in full, a word that
    /// is no attribute: no adverb or 的 before it (最理想, 市场的理想), no noun, Latin or unknown word after it (理想状态,
    /// 通用大模型, 通用GPU, the product 联想小天), no verb or place reading (联想到, 登上长城).
    /// </summary>
    private List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> ConfirmedShortForms(Document document, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found)
    {
        var candidates = new List<(TextRange Span, LexiconEntry Entry, Sentence Sentence, int Token)>();
        foreach (var sentence in document.Sentences)
        {
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                var token = document.Tokens[t];
                if (_gatedForms.TryGetValue(token.Text, out var entry) && !found.Any(f => f.Span.Overlaps(token.Range)))
                    candidates.Add((token.Range, entry, sentence, t));
            }
        }
        var confirmed = new List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)>();
        if (candidates.Count == 0) return confirmed;
        var named = found.Select(f => f.Entry.Id).ToHashSet(StringComparer.Ordinal);
        var spansByType = found.GroupBy(f => f.Entry.Type).ToDictionary(g => g.Key, g => g.Select(f => f.Span).ToList(), StringComparer.Ordinal);
        var open = candidates.ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var candidate in open.ToList())
            {
                var sameType = spansByType.TryGetValue(candidate.Entry.Type, out var spans) ? spans : spansByType[candidate.Entry.Type] = [];
                if (!ListedWithOneOf(document.Text, candidate.Span, sameType)
                    && !AfterItsOwner(document.Text, candidate.Span, candidate.Entry, found)
                    && !(named.Contains(candidate.Entry.Id) && ReadsAsName(document, candidate.Sentence, candidate.Token))
                    && !KindedAsCompany(document, candidate.Sentence, candidate.Token)) continue;
                confirmed.Add((candidate.Span, candidate.Entry, candidate.Sentence));
                sameType.Add(candidate.Span);
                open.Remove(candidate);
                changed = true;
            }
        }
        return confirmed;
    }

    private static bool ListedWithOneOf(string text, TextRange span, List<TextRange> names) =>
        names.Any(o => IsListJoiner(text, o.End, span.Start) || IsListJoiner(text, span.End, o.Start));

    /// <summary>The short form stands right after a mention of the entry's owner, or after it and 的 (腾讯的元宝).</summary>
    private static bool AfterItsOwner(string text, TextRange span, LexiconEntry entry, List<(TextRange Span, LexiconEntry Entry, Sentence Sentence)> found) =>
        entry.Owner is { } owner && found.Any(f => f.Entry.Id == owner
                                                   && (f.Span.End == span.Start || f.Span.End + 1 == span.Start && text[f.Span.End] == Possessive));

    private const char Possessive = '的';

    /// <summary>
    /// Nouns for a kind of company (厂商, 车企, 品牌: recognition/organization-words.tsv short-form-kinds) that say the short
    /// form next to them is a company's name, in an article that may never name it in full: right before it (整机厂商联想),
    /// right after it (红旗品牌接入), or after it and 等 in the same clause (大众等其他国际车企).
    /// </summary>
    private static readonly string[] ShortFormKinds = LanguageData.EmbeddedWords.List("recognition/organization-words.tsv", "short-form-kinds");

    /// <summary>How far after 等 the kind noun of a list may end (等其他国际车企).</summary>
    private const int MaxKindAfterEtc = 8;

    private static bool KindedAsCompany(Document document, Sentence sentence, int index)
    {
        var text = document.Text;
        var token = document.Tokens[index];
        if (index > sentence.FirstToken && document.Tokens[index - 1] is { } before && before.Range.End == token.Range.Start
            && ShortFormKinds.Any(k => before.Text.EndsWith(k, StringComparison.Ordinal)))
            return true;
        var end = token.Range.End;
        if (end >= sentence.Range.End) return false;
        if (ShortFormKinds.Any(k => string.CompareOrdinal(text, end, k, 0, k.Length) == 0)) return true;
        if (text[end] != Etc) return false;
        var clauseEnd = end + 1;
        while (clauseEnd < sentence.Range.End && clauseEnd - end <= MaxKindAfterEtc && IsHan(text[clauseEnd])) clauseEnd++;
        var clause = text.AsSpan(end + 1, clauseEnd - end - 1);
        foreach (var kind in ShortFormKinds)
        {
            if (clause.Contains(kind, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private const char Etc = '等';

    /// <summary>The short form at this token is the company's name, not a word describing something (see <see cref="ConfirmedShortForms"/>).</summary>
    private static bool ReadsAsName(Document document, Sentence sentence, int index)
    {
        var token = document.Tokens[index];
        var before = index > sentence.FirstToken ? document.Tokens[index - 1] : null;
        if (before is not null && before.Range.End == token.Range.Start && before.Tag is "d" or "uj") return false;
        // A form the dictionary knows as a verb or a place (通用, 联想, 长城) is the company only opening a clause or after
        // a preposition or conjunction (通用将…, 与通用合作; not 登上长城), and with no verb's complement after it (联想到).
        if ((IsVerb(token.Tag) || token.Tag == "ns") && before is not null && before.Tag is not ("w" or "x" or "c" or "p")) return false;
        if (index + 1 >= sentence.FirstToken + sentence.TokenCount) return true;
        var after = document.Tokens[index + 1];
        if (after.Range.Start != token.Range.End) return true;
        if (IsVerb(token.Tag) && after.Text.Length == 1 && IsVerb(after.Tag)) return false;
        return !(after.Tag.StartsWith('n') || after.Tag is "vn" or "a" or "s" or "f" || IsLatin(after.Text[0]) || IsHan(after.Text[0]) && !after.InDictionary);
    }
}
