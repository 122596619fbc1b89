using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Deals the text calls off in their own clause (双方已终止英伟达收购芯片设计公司Arm的协议; 收购Reka的谈判告吹): the same deal
/// told elsewhere in the article (2020年9月，英伟达宣布以最高400亿美元…从软银手中买下Arm), before or after, is what fell
/// through, not a deal that happened. Only deal types: a partnership ended is no partnership never made.
/// </summary>
public sealed class CalledOffDeals
{
    private readonly HashSet<(string Type, EntityCluster Subject, EntityCluster Object)> _pairs = [];

    /// <summary>Records every pair of a deal pattern's match whose clause calls the deal off.</summary>
    public void Add(string type, IEnumerable<Mention> subjects, IEnumerable<Mention> objects)
    {
        if (!RelationExtractor.DealTypes.Contains(type)) return;
        var objectEntities = objects.Select(o => o.Entity).OfType<EntityCluster>().ToList();
        foreach (var subject in subjects.Select(s => s.Entity).OfType<EntityCluster>())
        {
            foreach (var @object in objectEntities)
            {
                if (subject != @object) _pairs.Add((type, subject, @object));
            }
        }
    }

    /// <summary>The candidates without the deals called off.</summary>
    public List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> Without(List<(RelationCandidate Candidate, int EvidenceStart, bool Plan)> found) =>
        _pairs.Count == 0 ? found : found.Where(f => !_pairs.Contains((f.Candidate.Type, f.Candidate.Subject, f.Candidate.Object))).ToList();
}
