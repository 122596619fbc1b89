namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// What one statement's new or removed edges change in the stored aggregates: each end's degree and the count of the
/// edge's type.
/// </summary>
internal sealed class EdgeChanges
{
    private readonly Dictionary<string, long> _degrees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _types = new(StringComparer.Ordinal);

    public void EdgeAdded(string type, string subjectId, string objectId) => Change(type, subjectId, objectId, +1);

    public void EdgeRemoved(string type, string subjectId, string objectId) => Change(type, subjectId, objectId, -1);

    /// <summary>An edge moved by a merge onto one that already existed: one edge of its type fewer.</summary>
    public void EdgeCollapsed(string type) => _types[type] = _types.GetValueOrDefault(type) - 1;

    public JsonRows DegreeRows() => Rows(_degrees);

    public JsonRows TypeRows() => Rows(_types);

    private static JsonRows Rows(Dictionary<string, long> changes)
    {
        var rows = new JsonRows();
        foreach (var (key, change) in changes)
        {
            if (change != 0) rows.Row().Add(key).Add(change);
        }
        return rows;
    }

    private void Change(string type, string subjectId, string objectId, long by)
    {
        _types[type] = _types.GetValueOrDefault(type) + by;
        _degrees[subjectId] = _degrees.GetValueOrDefault(subjectId) + by;
        _degrees[objectId] = _degrees.GetValueOrDefault(objectId) + by;
    }
}
