namespace KnowledgeGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    private const int MaxNeighbourhoodDepth = 3;
    private const int MaxPathDepth = 10;

    public async Task<Neighbourhood> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) =>
        (await GetNeighbourhoodsAsync([query], cancellationToken))[0];

    /// <summary>
    /// Every neighbourhood from one read session (one snapshot, one connection). The walks stay one per query: an
    /// embedded store pays nothing per statement that batching would save, and each walk stops at its own limit.
    /// </summary>
    public async Task<IReadOnlyList<Neighbourhood>> GetNeighbourhoodsAsync(IReadOnlyList<NeighbourhoodQuery> queries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        foreach (var query in queries)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (query.Depth is < 1 or > MaxNeighbourhoodDepth)
                throw new GraphQueryException("BAD_ARGUMENT", $"neighbourhood depth {query.Depth} is outside 1..{MaxNeighbourhoodDepth}");
            if (query.Limit < 1)
                throw new GraphQueryException("BAD_ARGUMENT", $"neighbourhood limit {query.Limit} must be at least 1");
        }
        await using var session = await ReadAsync(cancellationToken);
        var answers = new List<Neighbourhood>(queries.Count);
        foreach (var query in queries)
            answers.Add(await WalkNeighbourhoodAsync(session, query, cancellationToken));
        return answers;
    }

    private async Task<Neighbourhood> WalkNeighbourhoodAsync(ReadSession session, NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var centre = await LoadEntitiesAsync(session, [query.EntityId], cancellationToken);
        if (centre.Count == 0) return new Neighbourhood([], [], false);

        // Breadth first; each level's nodes are expanded in the order they were admitted, each node's neighbours are
        // read in (neighbour id, relation key) order from an index, and reading stops at the first new node past the limit.
        var neighbours = new NeighbourReader(session, query.Direction, query.RelationTypes, SymmetricTypes);
        var admitted = new List<string> { query.EntityId };
        var admittedSet = new HashSet<string>(StringComparer.Ordinal) { query.EntityId };
        var edges = new Dictionary<string, GraphRelation>(StringComparer.Ordinal);
        var frontier = new List<string> { query.EntityId };
        var truncated = false;
        for (var level = 1; level <= query.Depth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                await foreach (var (relation, neighbour) in neighbours.ReadAsync(node, cancellationToken))
                {
                    if (!admittedSet.Contains(neighbour))
                    {
                        if (admitted.Count >= query.Limit)
                        {
                            truncated = true;
                            break;
                        }
                        admittedSet.Add(neighbour);
                        admitted.Add(neighbour);
                        next.Add(neighbour);
                    }
                    edges.TryAdd(relation.Id, relation);
                }
                if (truncated) break;
            }
            frontier = next;
        }
        var entities = await LoadEntitiesAsync(session, admitted, cancellationToken);
        return new Neighbourhood([.. admitted.Where(entities.ContainsKey).Select(id => entities[id])],
            [.. edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal)], truncated);
    }

    private IReadOnlyCollection<string> SymmetricTypes =>
        _symmetricTypes ??= [.. _ontology.RelationTypes.Where(t => t.Symmetric).Select(t => t.Name)];

    private IReadOnlyCollection<string>? _symmetricTypes;

    private static IEnumerable<string> Neighbours(GraphRelation relation, HashSet<string> from, Direction direction)
    {
        if (direction != Direction.Incoming && from.Contains(relation.SubjectId)) yield return relation.ObjectId;
        if (direction != Direction.Outgoing && from.Contains(relation.ObjectId)) yield return relation.SubjectId;
    }

    private static async Task<List<GraphRelation>> AdjacentAsync(ReadSession session, IEnumerable<string> ids, Direction direction,
        IReadOnlyCollection<string>? types, CancellationToken cancellationToken)
    {
        var typeFilter = types is { Count: > 0 } ? "AND r.type IN (SELECT value FROM json_each(@types))" : "";
        var outgoing = $"SELECT {GraphRows.RelationColumns} FROM relations r WHERE r.subject_id IN (SELECT value FROM json_each(@ids)) {typeFilter}";
        var incoming = $"SELECT {GraphRows.RelationColumns} FROM relations r WHERE r.object_id IN (SELECT value FROM json_each(@ids)) {typeFilter}";
        var sql = direction switch
        {
            Direction.Outgoing => outgoing,
            Direction.Incoming => incoming,
            _ => $"{outgoing} UNION {incoming}",
        };
        var command = session.Command($"{sql} ORDER BY 1").With("@ids", SqlExtensions.JsonList(ids));
        if (typeFilter.Length > 0) command.With("@types", SqlExtensions.JsonList(types!));
        var relations = new List<GraphRelation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) relations.Add(GraphRows.ReadRelation(reader));
        return relations;
    }

    public async Task<GraphPath?> FindShortestPathAsync(string fromId, string toId, int maxDepth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fromId);
        ArgumentNullException.ThrowIfNull(toId);
        if (maxDepth is < 1 or > MaxPathDepth)
            throw new GraphQueryException("BAD_ARGUMENT", $"path depth {maxDepth} is outside 1..{MaxPathDepth}");

        await using var session = await ReadAsync(cancellationToken);
        var ends = await LoadEntitiesAsync(session, [fromId, toId], cancellationToken);
        if (!ends.ContainsKey(fromId) || !ends.ContainsKey(toId)) return null;
        if (fromId == toId) return new GraphPath([ends[fromId]], []);

        // Relations are followed either way round; each node remembers the edge it was first reached by.
        var reachedBy = new Dictionary<string, (string Previous, GraphRelation Edge)?>(StringComparer.Ordinal) { [fromId] = null };
        var frontier = new List<string> { fromId };
        for (var level = 1; level <= maxDepth && frontier.Count > 0 && !reachedBy.ContainsKey(toId); level++)
        {
            var next = new List<string>();
            var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
            foreach (var relation in await AdjacentAsync(session, frontier, Direction.Both, null, cancellationToken))
            {
                foreach (var neighbour in Neighbours(relation, frontierSet, Direction.Both))
                {
                    if (reachedBy.ContainsKey(neighbour)) continue;
                    var previous = neighbour == relation.ObjectId ? relation.SubjectId : relation.ObjectId;
                    reachedBy[neighbour] = (previous, relation);
                    next.Add(neighbour);
                }
            }
            frontier = next;
        }
        if (!reachedBy.ContainsKey(toId)) return null;

        var nodeIds = new List<string> { toId };
        var pathEdges = new List<GraphRelation>();
        for (var step = reachedBy[toId]; step is not null; step = reachedBy[step.Value.Previous])
        {
            pathEdges.Add(step.Value.Edge);
            nodeIds.Add(step.Value.Previous);
        }
        nodeIds.Reverse();
        pathEdges.Reverse();
        var entities = await LoadEntitiesAsync(session, nodeIds, cancellationToken);
        return new GraphPath([.. nodeIds.Select(id => entities[id])], pathEdges);
    }
}
