namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// What one batch's evidence adds to an edge, aggregated in the client so the server sets each edge once. The
/// aggregates are those the full recompute derives (count, highest confidence, earliest and latest date, compared as
/// Cypher compares strings), so adding them to a stored edge gives what recomputing it from all its evidence would.
/// </summary>
internal static class EdgeAggregate
{
    private static readonly string[] AttributeFields = ["role", "amount", "currency", "round", "lead", "attributeDate", "product"];

    /// <summary>The edge's additive aggregates, or null when some evidence carries an attribute and the edge must be recomputed.</summary>
    public static Dictionary<string, object?>? Of(IReadOnlyList<Dictionary<string, object?>> evidence)
    {
        if (evidence.Any(e => AttributeFields.Any(field => e.GetValueOrDefault(field) is not null))) return null;
        var dates = evidence.Select(e => (string?)e.GetValueOrDefault("date")).OfType<string>().ToList();
        var row = Identity(evidence[0]);
        row["symmetric"] = RelationKey.IsSymmetric((string)row["type"]!);
        row["evidenceCount"] = evidence.Count;
        row["confidence"] = evidence.Max(e => (double)e["confidence"]!);
        row["firstDate"] = dates.Count == 0 ? null : dates.Min(StringComparer.Ordinal);
        row["lastDate"] = dates.Count == 0 ? null : dates.Max(StringComparer.Ordinal);
        return row;
    }

    /// <summary>The edge an evidence row belongs to, as the settle statement names touched edges.</summary>
    public static Dictionary<string, object?> Identity(Dictionary<string, object?> evidence) => new()
    {
        ["id"] = evidence["relationId"], ["subjectId"] = evidence["subjectId"], ["objectId"] = evidence["objectId"], ["type"] = evidence["type"],
    };
}
