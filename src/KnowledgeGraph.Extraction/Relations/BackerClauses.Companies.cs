using KnowledgeGraph.Extraction.Pipeline;
using static KnowledgeGraph.Extraction.Relations.BackerListNames;

namespace KnowledgeGraph.Extraction.Relations;

// Which company's round a clause is about: the one raising it, the one a clause frames as the round's owner, the one a backer's verb takes.
public sealed partial class BackerClauses
{
    private const int RaiseReach = 24;

    /// <summary>The company a later clause of the sentence says raised the round, if any.</summary>
    private static Mention? RaisingLater(List<Mention?> raising, int clause)
    {
        for (var later = clause + 1; later < raising.Count; later++)
        {
            if (raising[later] is { } company) return company;
        }
        return null;
    }

    /// <summary>Whether the text at <paramref name="range"/> names a round (本轮融资, 该轮融资), as an anaphor for its company does.</summary>
    public bool NamesRound(string text, TextRange range) => FirstOf(text, range.Start, range.End, _round) >= 0;

    /// <summary>Where the clause's raising word stands, if a round's word follows it (完成B轮融资).</summary>
    private int? RaisesRound(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var word = WordAt(text, i, end, _raise);
            if (word is null) continue;
            return ContainsAny(text, i + word.Length, Math.Min(end, i + word.Length + RaiseReach), _raiseObjects) ? i : null;
        }
        return null;
    }

    /// <summary>Whether the clause opens right after a label and its colon (云图数据：完成B轮融资) that names something.</summary>
    private bool Labelled(string text, int start, int labelStart) =>
        labelStart < start && text[start - 1] is '：' or ':' && NamesSomethingBefore(text, labelStart, start - 1);

    /// <summary>Where a label ending in a colon right before the sentence begins (云图数据：), when the colon ended the sentence before.</summary>
    private static int LabelStart(string text, int sentenceStart)
    {
        if (sentenceStart < 2 || text[sentenceStart - 1] is not ('：' or ':')) return sentenceStart;
        var at = sentenceStart - 1;
        while (at > 0 && sentenceStart - at < LabelReach && text[at - 1] is not ('。' or '！' or '？' or '\n' or '；' or '，' or ',')) at--;
        return at;
    }

    private const int LabelReach = 24;

    /// <summary>A run of two letters or more before the raising word that no time or adverb word accounts for (云图数据完成…).</summary>
    private bool NamesSomethingBefore(string text, int start, int raiseAt)
    {
        var run = 0;
        for (var i = start; i < raiseAt; i++)
        {
            if (WordAt(text, i, raiseAt, _raiserFree) is { } free)
            {
                i += free.Length - 1;
                run = 0;
                continue;
            }
            run = char.IsLetter(text[i]) ? run + 1 : 0;
            if (run >= 2) return true;
        }
        return false;
    }

    /// <summary>
    /// The organization named last before a raising word whose round follows in the clause (X宣布完成11亿元新一轮融资);
    /// in a clause that names none, the one that closes the clause before (…的AI芯片公司Tenstorrent，于12月2日宣布完成…融资).
    /// </summary>
    private Mention? RaisingCompany(string text, int sentenceStart, int start, int end, IReadOnlyList<Mention> mentions)
    {
        for (var i = start; i < end; i++)
        {
            var word = WordAt(text, i, end, _raise);
            if (word is null) continue;
            var reach = Math.Min(end, i + word.Length + RaiseReach);
            if (!ContainsAny(text, i + word.Length, reach, _raiseObjects)) continue;
            return mentions.LastOrDefault(m => m.Range.Start >= start && m.Range.End <= i && m.Type == "Organization" && m.Entity is not null)
                   ?? mentions.LastOrDefault(m => m.Range.Start >= sentenceStart && m.Range.Length > 0 && m.Type == "Organization" && m.Entity is not null
                                                  && PastBrackets(text, m.Range.End, start) == start - 1);
        }
        return null;
    }

    /// <summary>
    /// The organization a clause names as the round's owner: it opens the clause (after 在), a link word follows it
    /// (的, 在, 本轮) and the round's name right after that (百川智能的B轮融资由红杉资本领投; 在月之暗面的B轮融资中;
    /// Anthropic在新一轮融资中筹集了35亿美元), so that the clauses after it (腾讯跟投) are about its round, not about the
    /// backer named last. A name that does not open the clause is a backer (由红杉资本领投的B轮融资中), and so is one
    /// that invests with no other name before its word of investing (英伟达的投资部门参与了本轮; 红杉资本本轮继续加码).
    /// </summary>
    private Mention? FramingCompany(string text, int start, int end, IReadOnlyList<Mention> mentions)
    {
        var at = start;
        while (at < end && char.IsWhiteSpace(text[at])) at++;
        if (WordAt(text, at, end, _frameOpen) is { } open) at += open.Length;
        var company = mentions.FirstOrDefault(m => m.Range.Start == at && m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor);
        if (company is null) return null;
        var after = PastBrackets(text, company.Range.End, end);
        if (WordAt(text, after, end, _frameLinks) is null) return null;
        var reach = Math.Min(end, after + RoundNameReach);
        var named = false;
        for (var i = after; i < end; i++)
        {
            if (mentions.Any(m => m.Range.Start == i)) return named ? company : null;
            if (text[i] is '投' or '参' or '股' || _backing.Any(b => string.CompareOrdinal(text, i, b.Word, 0, b.Word.Length) == 0)) return null;
            named |= i < reach && WordAt(text, i, end, _raiseObjects) is not null;
        }
        return named ? company : null;
    }

    /// <summary>
    /// The organization whose round a backer's verb takes as its object (红杉中国领投了月之暗面10亿美元的B轮融资; 英伟达参与了xAI的C轮融资):
    /// the clauses after it (腾讯、美团等机构跟投) name backers of that company's round, not of the backer named before it.
    /// </summary>
    private Mention? BackedCompany(string text, int start, int end, IReadOnlyList<Mention> mentions)
    {
        for (var i = start; i < end; i++)
        {
            if (WordAt(text, i, end, _roundVerbs) is not { } verb) continue;
            var at = i + verb.Length;
            if (at < end && text[at] == '了') at++;
            var company = mentions.FirstOrDefault(m => m.Range.Start == at && m.Range.Length > 0 && m.Type == "Organization" && m.Entity is not null && !m.IsAnaphor);
            if (company is null) continue;
            var after = PastBrackets(text, company.Range.End, end);
            var reach = Math.Min(end, after + BackedRoundReach);
            for (var j = after; j < reach; j++)
            {
                if (mentions.Any(m => m.Range.Start == j && m.Range.Length > 0)) break;
                if (WordAt(text, j, end, _raiseObjects) is not null) return company;
            }
        }
        return null;
    }

    /// <summary>How far a backed round's name may reach past its company (约6亿美元的B轮融资, 去年10月的66亿美元融资).</summary>
    private const int BackedRoundReach = 18;

    /// <summary>How far a round's name may reach from the link word to its round word (的最新一轮, 在新一轮).</summary>
    private const int RoundNameReach = 12;
}
