using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The parties of a trigger clause that names fewer than two of its own, read from the clauses before it in the
/// sentence. A mutual word (彼此, 相互) points back to the list the clause before ends on: 「A、B与C被视为三强，彼此竞争激烈」
/// makes each of them the others' rival. A relational noun with no owner written before it (加入竞争对手B, 以对抗劲敌B)
/// is the relation of the organization the sentence spoke of last: 「他离开A，加入竞争对手B」.
/// </summary>
public sealed class ImplicitParties(string[] mutualWords)
{
    public IEnumerable<(Mention Subject, Mention Object)> Pairs(string clause, int clauseStart, List<Mention> parties,
        List<Mention> previousClauseParties, List<Mention> earlierOrganizations, string[] hubNouns, Func<Mention, Mention, bool> isListed)
    {
        if (parties.Count == 0 && mutualWords.Any(w => clause.Contains(w, StringComparison.Ordinal)))
            return EachOther(previousClauseParties, isListed);
        if (parties.Count == 1 && UnownedHubBefore(clause, clauseStart, parties[0], hubNouns)
                               && earlierOrganizations.LastOrDefault(o => o.Entity != parties[0].Entity) is { } owner)
            return [(owner, parties[0])];
        return [];
    }

    /// <summary>Every pair of one list that is all the clause names (a list broken by other words is not one group).</summary>
    private static IEnumerable<(Mention, Mention)> EachOther(List<Mention> parties, Func<Mention, Mention, bool> isListed)
    {
        var distinct = parties.DistinctBy(p => p.Entity).ToList();
        if (distinct.Count < 2 || distinct.Count != parties.Count) return [];
        for (var i = 1; i < parties.Count; i++)
            if (!isListed(parties[i - 1], parties[i])) return [];
        return parties.SelectMany((a, i) => parties.Skip(i + 1).Select(b => (a, b)));
    }

    /// <summary>A relational noun right before the party (竞争对手B), with no owner of it in the clause.</summary>
    private static bool UnownedHubBefore(string clause, int clauseStart, Mention party, string[] hubNouns)
    {
        var at = party.Range.Start - clauseStart;
        if (party.IsAnaphor || at <= 0 || at > clause.Length) return false;
        return hubNouns.Any(noun => at >= noun.Length && string.CompareOrdinal(clause, at - noun.Length, noun, 0, noun.Length) == 0);
    }
}
