using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// One entity's edges at a time, in (neighbour id, relation key) order, read lazily so a caller that has enough stops
/// the scan. Symmetric relation types are followed either way whatever the direction asked.
/// </summary>
internal sealed class NeighbourReader
{
    private readonly SqliteCommand _command;

    public NeighbourReader(ReadSession session, Direction direction, IReadOnlyCollection<string>? types, IReadOnlyCollection<string> symmetricTypes)
    {
        var typeFilter = types is { Count: > 0 } ? "AND r.type IN (SELECT value FROM json_each(@types))" : "";
        var outgoing = $"SELECT {GraphRows.RelationColumns}, r.object_id AS neighbour, r.key AS edge FROM relations r WHERE r.subject_id = @id {typeFilter}";
        var incoming = $"SELECT {GraphRows.RelationColumns}, r.subject_id AS neighbour, r.key AS edge FROM relations r WHERE r.object_id = @id {typeFilter}";
        const string symmetricOnly = "AND r.type IN (SELECT value FROM json_each(@symmetric))";
        var sql = direction switch
        {
            Direction.Outgoing => $"{outgoing} UNION ALL {incoming} {symmetricOnly}",
            Direction.Incoming => $"{incoming} UNION ALL {outgoing} {symmetricOnly}",
            _ => $"{outgoing} UNION ALL {incoming}",
        };
        _command = session.Command($"{sql} ORDER BY neighbour, edge").With("@id", "");
        if (typeFilter.Length > 0) _command.With("@types", SqlExtensions.JsonList(types!));
        if (direction != Direction.Both) _command.With("@symmetric", SqlExtensions.JsonList(symmetricTypes));
    }

    public async IAsyncEnumerable<(GraphRelation Relation, string Neighbour)> ReadAsync(string entityId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _command.Set("@id", entityId);
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return (GraphRows.ReadRelation(reader), reader.GetString(15));
    }
}
