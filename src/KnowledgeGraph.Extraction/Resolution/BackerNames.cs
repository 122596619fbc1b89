using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Resolution;

/// <summary>
/// Tells a name that backs a round from the company raising it, by the words of its clause alone, for the steps that
/// look for what a text is about: a description (该公司), a title left without its organization (创始人兼CEO A) and the
/// organization an article is about are the company, never one of its backers. Its words are the backing, backer-list,
/// backer-closing, backer-of and backer-noun rows of <c>relations/clause-topics.tsv</c>.
/// </summary>
public sealed class BackerNames
{
    private readonly string[] _backingWords;
    private readonly string[] _listOpeners;

    /// <summary>What may stand after a backer's name to its clause's end (由B独家投资, 获得C的投资).</summary>
    private readonly string[] _closings;

    /// <summary>Words pointing back to the company (其) and nouns of its backers (投资者, 股东) that may end the name's clause after them.</summary>
    private readonly string[] _backedCompany;
    private readonly string[] _backerNouns;

    public BackerNames(LanguageResources resources)
    {
        var rows = resources.Rows("relations/clause-topics.tsv", 2);
        string[] Of(string kind) => rows.Where(r => r[0].Trim() == kind).Select(r => r[1].Trim()).Where(w => w.Length > 0).ToArray();
        var backing = Of("backing");
        // A word that longer ones extend is too broad alone (参与开发); its longer forms (参与投资) say it.
        _backingWords = backing.Where(w => !backing.Any(longer => longer.Length > w.Length && longer.StartsWith(w, StringComparison.Ordinal))).ToArray();
        _listOpeners = Of("backer-list");
        _closings = Of("backer-closing");
        _backedCompany = Of("backer-of");
        _backerNouns = Of("backer-noun");
    }

    /// <summary>
    /// The mention backs a round: it is listed after a word opening a list of backers (投资方包括A、B和C), all that
    /// follows it in its clause is a word of investing (由A独家投资, 获得A的投资), or its clause goes on to a backer's verb
    /// (领投, 跟投) that describes no noun after it (「由A领投」, 「B、C跟投」, not 「X完成由A领投的融资」, where X is the company), or
    /// its clause calls it the company's backer (A是其最早的机构投资者, A也是其股东之一).
    /// </summary>
    public bool IsBacker(string text, Mention mention)
    {
        if (mention.Range.Length == 0) return false;
        var clauseStart = mention.Range.Start;
        while (clauseStart > 0 && text[clauseStart - 1] is not ('，' or ',' or '。' or '；' or ';' or '！' or '？' or '\n')) clauseStart--;
        if (_listOpeners.Any(w => text.IndexOf(w, clauseStart, mention.Range.Start - clauseStart, StringComparison.Ordinal) >= 0)) return true;
        var end = mention.Range.End;
        while (end < text.Length && text[end] is not ('，' or ',' or '。' or '；' or ';' or '：' or ':' or '！' or '？' or '\n')) end++;
        var rest = text.AsSpan(mention.Range.End, end - mention.Range.End);
        var trimmed = rest.Trim();
        foreach (var word in _closings)
        {
            if (trimmed.SequenceEqual(word)) return true;
        }
        foreach (var word in _backingWords)
        {
            var at = rest.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && !rest[(at + word.Length)..].StartsWith("的", StringComparison.Ordinal)) return true;
        }
        return CallsItsBacker(trimmed);
    }

    /// <summary>The rest of the name's clause points back to the company and ends with a noun of its backers (是其早期投资者之一).</summary>
    private bool CallsItsBacker(ReadOnlySpan<char> rest)
    {
        if (rest.EndsWith("之一", StringComparison.Ordinal)) rest = rest[..^2];
        var endsAsBacker = false;
        foreach (var noun in _backerNouns) endsAsBacker |= rest.EndsWith(noun, StringComparison.Ordinal);
        if (!endsAsBacker) return false;
        foreach (var word in _backedCompany)
        {
            if (rest.IndexOf(word, StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }
}
