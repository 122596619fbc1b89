using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Candidates read from a pattern that says less than another type would (a pattern's setting yields=TYPE): each is
/// dropped when the article asserts that type for the same pair. A team joining a company is an acqui-hire only when the
/// article does not say the company was bought (「OpenAI收购Rockset…Rockset团队成员将加入OpenAI」 is an acquisition).
/// The same company may stand under a short form the resolver left apart (收购Pollen Robotics…Pollen的团队将并入).
/// </summary>
public sealed class YieldingCandidates
{
    private readonly Dictionary<RelationCandidate, string> _strongerType = new(ReferenceEqualityComparer.Instance);

    public void Add(RelationCandidate candidate, string strongerType) => _strongerType[candidate] = strongerType;

    private static bool SameCompany(EntityCluster one, EntityCluster other) =>
        one == other || one.Name.StartsWith(other.Name, StringComparison.OrdinalIgnoreCase) || other.Name.StartsWith(one.Name, StringComparison.OrdinalIgnoreCase);

    public List<RelationCandidate> Without(List<RelationCandidate> asserted)
    {
        if (_strongerType.Count == 0) return asserted;
        return asserted.Where(c => !(_strongerType.TryGetValue(c, out var stronger)
            && asserted.Any(s => s.Type == stronger && s.Subject == c.Subject && SameCompany(s.Object, c.Object)))).ToList();
    }
}
