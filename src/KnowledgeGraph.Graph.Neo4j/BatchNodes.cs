namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// A batch's articles and entities in id order (the order their locks are taken in), and the rows that link them
/// rewritten to name their ends by position in those lists, so a statement seeks each node once however many rows name it.
/// </summary>
internal sealed class BatchNodes
{
    private readonly Dictionary<string, int> _articlePositions;
    private readonly Dictionary<string, int> _entityPositions;

    public BatchNodes(IReadOnlyList<string> articleIds, IReadOnlyList<string> entityIds)
    {
        ArticleIds = articleIds;
        EntityIds = entityIds;
        _articlePositions = Positions(articleIds);
        _entityPositions = Positions(entityIds);
    }

    public IReadOnlyList<string> ArticleIds { get; }
    public IReadOnlyList<string> EntityIds { get; }

    /// <summary>Mention rows with "article" and "entity" positions in place of their ids.</summary>
    public List<Dictionary<string, object?>> Mentions(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(row => WithPositions(row, ("articleId", "article", _articlePositions), ("entityId", "entity", _entityPositions))).ToList();

    /// <summary>Edge rows with "subject" and "object" positions in place of their ids.</summary>
    public List<Dictionary<string, object?>> Edges(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(row => WithPositions(row, ("subjectId", "subject", _entityPositions), ("objectId", "object", _entityPositions))).ToList();

    private static Dictionary<string, int> Positions(IReadOnlyList<string> ids)
    {
        var positions = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) positions.Add(ids[i], i);
        return positions;
    }

    private static Dictionary<string, object?> WithPositions(Dictionary<string, object?> row,
        params (string IdField, string PositionField, Dictionary<string, int> Positions)[] ends)
    {
        var positioned = new Dictionary<string, object?>(row);
        foreach (var (idField, positionField, positions) in ends)
        {
            var id = (string)row[idField]!;
            // A row whose end is not in the batch would be linked to whatever node sits at a wrong position; refuse instead.
            if (!positions.TryGetValue(id, out var position))
                throw new InvalidOperationException($"'{id}' ({idField}) is not among the batch's upserted nodes");
            positioned.Remove(idField);
            positioned[positionField] = position;
        }
        return positioned;
    }
}
