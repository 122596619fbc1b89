using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// The organization an article is about so far: the one named most often in the sentences read, the first named
/// of those tied. A person's post or founding stated without its organization (联合创始人还包括A和B) in a sentence
/// that names none of its own is about it, not about the last organization the chain of clauses passed through
/// (「他曾任微软全球副总裁，在微软工作了十余年。联合创始人还包括…」).
/// </summary>
public sealed class LeadingOrganization
{
    private readonly Dictionary<EntityCluster, (int Count, Mention First)> _namings = [];

    public Mention? Current { get; private set; }

    /// <summary>Counts the organizations a sentence names by name (not by anaphor).</summary>
    public void Read(IEnumerable<Mention> sentenceMentions)
    {
        foreach (var mention in sentenceMentions)
        {
            if (mention.Type != "Organization" || mention.IsAnaphor || mention.Entity is not { } entity) continue;
            var (count, first) = _namings.GetValueOrDefault(entity, (0, mention));
            _namings[entity] = (count + 1, first);
            if (Current is null || IsAhead(entity, Current.Entity!)) Current = first;
        }
    }

    private bool IsAhead(EntityCluster entity, EntityCluster leader)
    {
        if (entity == leader) return false;
        var (count, first) = _namings[entity];
        var (leaderCount, leaderFirst) = _namings[leader];
        return count > leaderCount || count == leaderCount && first.Range.Start < leaderFirst.Range.Start;
    }
}
