using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// A post taken or a company left without naming where (李飞飞出任CEO, 侯晓迪接任CEO, 戈申目前担任公司联席CEO, 创始人A已于2021年
/// 离开公司) by someone the text has already told founded one company is a post at that company, a leave from it.
/// Resolution alone reads the gap as the organization the paragraph names most or last, which in a paragraph about the
/// founders' past is a former employer (…此前任职于谷歌。李飞飞出任CEO). A sentence that names the organization itself
/// (谷歌宣布，A出任CEO) is left as it is.
/// </summary>
public static class FoundersPosts
{
    public static List<RelationCandidate> AtFoundedCompanies(List<RelationCandidate> candidates)
    {
        if (!candidates.Any(IsPostOrLeaveLeftOut)) return candidates;
        var foundings = candidates.Where(c => c.Type == "FOUNDED").ToList();
        return candidates.Select(c => IsPostOrLeaveLeftOut(c) && OnlyCompanyFounded(foundings, c) is { } company && company != c.Object
                ? c with { Object = company }
                : c)
            .ToList();
    }

    private static bool IsPostOrLeaveLeftOut(RelationCandidate candidate) => candidate.ObjectLeftOut && candidate.Type is "WORKS_FOR" or "LEFT";

    /// <summary>The one company the post's holder founded in a sentence up to the post's, or null when none or several.</summary>
    private static EntityCluster? OnlyCompanyFounded(List<RelationCandidate> foundings, RelationCandidate post)
    {
        var companies = foundings.Where(f => f.Subject == post.Subject && f.Sentence.Index <= post.Sentence.Index)
            .Select(f => f.Object)
            .Distinct()
            .Take(2)
            .ToList();
        return companies.Count == 1 ? companies[0] : null;
    }
}
