using System.Buffers;
using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

// Who relates to whom: a relational noun's owner and its list, the sides of a case word, a list acting together, the first party; in an answer, the speaker's organization.
public sealed partial class ClauseTriggers
{
    /// <summary>How far a relational noun may stand after its owner's 的 (X的早期合作伙伴, X在国内最大的竞争对手).</summary>
    private const int MaxOwnerGap = 10;

    private IEnumerable<(Mention Subject, Mention Object)> Pairs(Document document, string clause, int clauseStart, List<Mention> parties,
        IReadOnlyList<Mention> mentions, TypeRules rules, bool loose)
    {
        // A relational noun names both sides (英特尔收购了赛灵思的老对手Altera): its owner against the list after it, or the
        // list before it (A和B都是X的合作伙伴), whatever else the clause says of them.
        if (HubOf(document, clause, clauseStart, parties, rules) is { } hub)
        {
            var index = parties.IndexOf(hub);
            var others = index + 1 < parties.Count ? ListFrom(document, parties, index + 1) : index > 0 ? ListUpTo(document, parties, index - 1) : [];
            return others.Where(p => p.Entity != hub.Entity).Select(p => (hub, p));
        }
        // Without one, a clause that also speaks of money, clients or ownership is read by the patterns alone.
        if (!loose) return [];
        foreach (var join in _joins)
        {
            if (Sides(document, clause, clauseStart, parties, mentions, join, rules) is { } sides)
                return sides.Before.SelectMany(a => sides.After.Select(b => (a, b)));
        }
        // A plural anaphor alone (双方在数据中心场景合作多年, 两家在城市领航辅助驾驶上正面交锋) relates the parties it stands for to each other.
        if (parties.All(p => p.IsAnaphor && !p.StandsForListItem && p.Range.Length > 0 && p.Range == parties[0].Range))
            return parties.SelectMany((a, i) => parties.Skip(i + 1).Select(b => (a, b)));
        // One list of organizations opening the clause that the trigger verb follows is one subject acting together
        // (英伟达、微软和谷歌三家公司宣布联合成立…): each with each. Not before a relational noun (AMD、英特尔等对手 are someone
        // else's), and not for rivals: a list of them (A的X、B的Y都在争夺用户) is the topic's rivals, not each other's.
        if (!rules.LiftsProducts && parties.All(p => p.Range.Length > 0) && OpensList(clause, parties[0].Range.Start - clauseStart)
            && !AfterJoin(clause, parties[0].Range.Start - clauseStart) && ListFrom(document, parties, 0).Count == parties.Count
            && TriggerAfter(clause, parties[^1].Range.End - clauseStart, rules) is { } verb && !IsInsideOther(clause, verb.At, verb.Length, rules.HubNouns))
            return parties.SelectMany((a, i) => parties.Skip(i + 1).Select(b => (a, b)));
        // The first party named, not a topic carried in, against the list after it: a list of its own names someone else's
        // rivals or partners (AMD、英特尔等对手); a partnership is stated between the two (A携手B), not after them.
        var first = parties[0];
        // The first party's own product right after it is one item with it (亚马逊的Trainium芯片剑指英伟达).
        var next = IsOwnProduct(document, first, parties[1]) ? 2 : 1;
        if (next >= parties.Count || IsListed(document, parties[next - 1], parties[next]) || first.Range.Length == 0) return [];
        // A person between them is who acts (前GitHub CEO张三将与其共同领导…): the first party only describes the person.
        if (mentions.Any(m => m.Type == "Person" && m.Range.Start >= first.Range.End && m.Range.End <= parties[next].Range.Start)) return [];
        if (!rules.LiftsProducts && FirstTrigger(document.Slice(first.Range.End, Math.Max(first.Range.End, parties[next].Range.Start)), rules) < 0) return [];
        return ListFrom(document, parties, next).Select(p => (first, p));
    }

    /// <summary>
    /// A case word stands right before the position (并与A、B等药企有数据合作): the list after it is what the case word governs,
    /// the other side of a subject the clause leaves out, not a subject acting together.
    /// </summary>
    private bool AfterJoin(string clause, int at) => _joins.Any(j => at >= j.Length && string.CompareOrdinal(clause, at - j.Length, j, 0, j.Length) == 0);

    /// <summary>Characters of pronouns that would name the noun's owner (他们的对手, 其合作伙伴).</summary>
    private static readonly SearchValues<char> Pronouns = SearchValues.Create(LanguageData.EmbeddedWords.Characters("recognition/function-characters.tsv", "pronouns"));

    /// <summary>
    /// In an interview's answer, parties called rivals or partners with no owner named (Naver和LG AI研究院都是很强的对手;
    /// 谷歌翻译也一直是最直接的对手) are the interviewee's organization's: the answer's organization, when every party of
    /// the clause stands in one list before 是 and the relational noun after it.
    /// </summary>
    private Mention? SpeakersCalling(Document document, Sentence sentence, TextRange clause, string clauseText, List<Mention> parties, TypeRules rules)
    {
        if (parties.Count == 0 || !document.Turns.TryGetValue(sentence.Paragraph, out var turn) || clause.Start < turn.SpokenFrom
            || turn.Organization.Entity is null || parties.Any(p => p.Range.Length == 0 || p.IsAnaphor)) return null;
        var listEnd = parties[^1].Range.End - clause.Start;
        if (ListUpTo(document, parties, parties.Count - 1).Count != parties.Count) return null;
        var copula = clauseText.IndexOf('是', listEnd);
        if (copula < 0) return null;
        var rest = clauseText.AsSpan(copula + 1);
        // The noun closes the clause as its predicate (…都是很强的对手), owned by nobody (not …是他们的对手).
        foreach (var noun in rules.HubNouns)
        {
            if (!rest.EndsWith(noun, StringComparison.Ordinal) && !rest.EndsWith(noun + "之一", StringComparison.Ordinal)) continue;
            var description = rest[..rest.LastIndexOf(noun, StringComparison.Ordinal)];
            if (description.Length > MaxOwnerGap || description.IndexOfAny(SentenceClauses.Breaks) >= 0 || description.IndexOfAny(Pronouns) >= 0) return null;
            return turn.Organization;
        }
        return null;
    }

    /// <summary>The party written X的… right before a relational noun of the type (Harvey的早期合作伙伴), if any.</summary>
    private static Mention? HubOf(Document document, string clause, int clauseStart, List<Mention> parties, TypeRules rules)
    {
        foreach (var noun in rules.HubNouns)
        {
            for (var at = clause.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                var owner = parties.LastOrDefault(p => p.Range.Length > 0 && p.Range.End <= clauseStart + at);
                if (owner is null) continue;
                var gap = document.Text.AsSpan(owner.Range.End, clauseStart + at - owner.Range.End);
                if (gap.Length <= MaxOwnerGap && gap.StartsWith("的", StringComparison.Ordinal)) return owner;
            }
        }
        return null;
    }

    /// <summary>
    /// The list of parties right before a case word and the list right after it (A与B、C共同成立…), when a trigger follows
    /// it and no person stands between the first list and the case word (X的CEO张三与B: the case word joins people).
    /// </summary>
    private (List<Mention> Before, List<Mention> After)? Sides(Document document, string clause, int clauseStart, List<Mention> parties,
        IReadOnlyList<Mention> mentions, string join, TypeRules rules)
    {
        for (var at = clause.IndexOf(join, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(join, at + 1, StringComparison.Ordinal))
        {
            var position = clauseStart + at;
            var last = parties.FindLastIndex(p => p.Range.End <= position);
            var next = parties.FindIndex(p => p.Range.Start >= position + join.Length);
            if (last < 0 || next < 0 || parties[next].Range.Start - (position + join.Length) > MaxJoinGap) continue;
            if (FirstTrigger(clause[(at + join.Length)..], rules) < 0) continue;
            if (mentions.Any(m => m.Type == "Person" && m.Range.Start >= parties[last].Range.End && m.Range.End <= position)) continue;
            return (ListUpTo(document, parties, last), ListFrom(document, parties, next));
        }
        return null;
    }
}
