namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// One breadth-first walk out of a neighbourhood's centre, fed one hop of edges at a time: nodes are admitted in the
/// order the hops arrive until the limit, and a hop that hit the limit is the last.
/// </summary>
internal sealed class NeighbourhoodWalk
{
    private readonly HashSet<string> _seen;
    private readonly Dictionary<string, GraphRelation> _edges = new();
    private readonly bool _centreExists;
    private int _hops;
    private bool _truncated;

    public NeighbourhoodWalk(NeighbourhoodQuery query, bool centreExists)
    {
        Query = query;
        _centreExists = centreExists;
        _seen = [query.EntityId];
        Included = [query.EntityId];
        Frontier = [query.EntityId];
    }

    public NeighbourhoodQuery Query { get; }

    public List<string> Included { get; }

    public List<string> Frontier { get; private set; }

    public bool WantsAnotherHop => _centreExists && _hops < Query.Depth && Frontier.Count > 0 && !_truncated;

    public void Hop(IEnumerable<(string From, GraphRelation Relation)> hops)
    {
        var next = new List<string>();
        foreach (var (from, relation) in hops)
        {
            var other = relation.SubjectId == from ? relation.ObjectId : relation.SubjectId;
            if (_seen.Add(other))
            {
                if (Included.Count >= Query.Limit)
                {
                    _truncated = true;
                    _seen.Remove(other);
                    continue;
                }
                Included.Add(other);
                next.Add(other);
            }
            _edges.TryAdd(relation.Id, relation);
        }
        Frontier = next;
        _hops++;
    }

    public Neighbourhood ToNeighbourhood(IReadOnlyDictionary<string, GraphEntity> entities)
    {
        if (!_centreExists) return new Neighbourhood([], [], false);
        var kept = _edges.Values.Where(e => _seen.Contains(e.SubjectId) && _seen.Contains(e.ObjectId)).OrderBy(e => e.Id, StringComparer.Ordinal);
        return new Neighbourhood(Included.Where(entities.ContainsKey).Select(id => entities[id]).ToList(), kept.ToList(), _truncated);
    }
}
