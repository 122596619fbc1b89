using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A founder named without the company (，创始人A加盟; 其两位创始人) in a sentence where the organization resolution gave
/// them buys, hires from or licenses from one other company (苹果收购DarwinAI，创始人A加盟; 谷歌获得Character.AI的授权，两位创始人
/// A和B回到谷歌; GIP现为贝莱德旗下平台，其创始人A加入了贝莱德董事会) founded that other company: the buyer is where they go.
/// A founder named with the company (谷歌收购X，谷歌创始人佩奇表示) is left as the sentence writes it.
/// </summary>
public static class FoundersOfTheBought
{
    public static List<RelationCandidate> AtTheirCompanies(List<RelationCandidate> candidates)
    {
        if (!candidates.Any(c => c.Type == "FOUNDED" && c.ObjectGuessed)) return candidates;
        return candidates.Select(c => c.Type == "FOUNDED" && c.ObjectGuessed && OnlyCompanyTakenOver(candidates, c) is { } company
                ? c with { Object = company }
                : c)
            .ToList();
    }

    /// <summary>The one company the founding's organization buys, hires from or licenses from in the founding's sentence, or null.</summary>
    private static EntityCluster? OnlyCompanyTakenOver(List<RelationCandidate> candidates, RelationCandidate founding)
    {
        var taken = candidates.Where(c => c.Sentence == founding.Sentence)
            .Select(c => c.Type is "ACQUIRED" or "ACQUIHIRED" && c.Subject == founding.Object ? c.Object
                : c.Type == "LICENSED_TO" && c.Object == founding.Object ? c.Subject
                : null)
            .Where(company => company is not null && company != founding.Object)
            .Distinct()
            .Take(2)
            .ToList();
        return taken.Count == 1 ? taken[0] : null;
    }
}
