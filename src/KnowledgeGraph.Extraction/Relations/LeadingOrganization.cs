using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The organization an article is about so far: the one most clauses have had as their topic, then the one named
/// most often, then the first named. A person's post or founding stated without its organization (联合创始人还包括A和B)
/// in a sentence that names none as its topic is about it, not about an organization named in passing
/// (「创始人曾任微软全球副总裁，在微软工作了十余年。联合创始人还包括…」).
/// </summary>
public sealed class LeadingOrganization
{
    private readonly Dictionary<EntityCluster, (int Topics, int Namings, int First)> _scores = [];

    public Mention? Current { get; private set; }

    /// <summary>Counts the organizations a sentence names by name and the ones its clauses had as their topic.</summary>
    public void Read(IEnumerable<Mention> named, IEnumerable<Mention?> clauseTopics)
    {
        foreach (var mention in named.Where(m => !m.IsAnaphor)) Count(mention, topic: false);
        foreach (var topic in clauseTopics) Count(topic, topic: true);
    }

    private void Count(Mention? mention, bool topic)
    {
        if (mention is not { Type: "Organization", Entity: { } entity }) return;
        var (topics, namings, first) = _scores.GetValueOrDefault(entity, (0, 0, mention.Range.Start));
        _scores[entity] = topic ? (topics + 1, namings, first) : (topics, namings + 1, first);
        if (Current?.Entity is not { } leader || leader != entity && IsAhead(_scores[entity], _scores[leader])) Current = mention;
    }

    private static bool IsAhead((int Topics, int Namings, int First) score, (int Topics, int Namings, int First) leader) =>
        score.Topics != leader.Topics ? score.Topics > leader.Topics
        : score.Namings != leader.Namings ? score.Namings > leader.Namings
        : score.First < leader.First;
}
