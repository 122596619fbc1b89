namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>How much each entity's stored degree moves, gathered over one statement's new or removed edges.</summary>
internal sealed class DegreeChanges
{
    private readonly Dictionary<string, long> _changes = new(StringComparer.Ordinal);

    public void EdgeAdded(string subjectId, string objectId) => Change(subjectId, objectId, +1);

    public void EdgeRemoved(string subjectId, string objectId) => Change(subjectId, objectId, -1);

    public JsonRows ToRows()
    {
        var rows = new JsonRows();
        foreach (var (entityId, change) in _changes)
        {
            if (change != 0) rows.Row().Add(entityId).Add(change);
        }
        return rows;
    }

    private void Change(string subjectId, string objectId, long by)
    {
        _changes[subjectId] = _changes.GetValueOrDefault(subjectId) + by;
        _changes[objectId] = _changes.GetValueOrDefault(objectId) + by;
    }
}
