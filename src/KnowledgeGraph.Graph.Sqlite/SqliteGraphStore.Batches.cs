using System.Text.Json;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Nested fields of many entities at once: one statement per kind of row, whatever the number of entities.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return (await GetTimelinesAsync([entityId], cancellationToken))[entityId];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> GetTimelinesAsync(IReadOnlyCollection<string> entityIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        var ids = SqlExtensions.JsonList(entityIds.Distinct(StringComparer.Ordinal));
        var events = entityIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<TimelineEvent>(), StringComparer.Ordinal);
        await using var connection = await ReadAsync(cancellationToken);
        await using (var reader = await connection.Command($"""
                         SELECT t.value, ev.evidence_date, a.id, a.title, {GraphRows.RelationColumns}
                         FROM json_each(@ids) t JOIN relations r ON r.subject_id = t.value
                              JOIN evidence ev ON ev.relation_key = r.key JOIN articles a ON a.key = ev.article_key
                         UNION ALL
                         SELECT t.value, ev.evidence_date, a.id, a.title, {GraphRows.RelationColumns}
                         FROM json_each(@ids) t JOIN relations r ON r.object_id = t.value
                              JOIN evidence ev ON ev.relation_key = r.key JOIN articles a ON a.key = ev.article_key
                         """).With("@ids", ids).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                events[reader.GetString(0)].Add(new TimelineEvent(reader.GetNullableString(1), reader.GetString(2), reader.GetNullableString(3),
                    GraphRows.ReadRelation(reader, 4)));
            }
        }
        // Articles that mention an entity without stating a relation of it still belong on its timeline.
        var withRelations = events.ToDictionary(e => e.Key, e => e.Value.Select(v => v.ArticleId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        await using (var reader = await connection.Command("""
                         SELECT ae.entity_id, a.id, a.title, substr(a.published_key, 1, 10)
                         FROM article_entities ae JOIN articles a ON a.key = ae.article_key
                         WHERE ae.entity_id IN (SELECT value FROM json_each(@ids))
                         """).With("@ids", ids).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var entityId = reader.GetString(0);
                if (withRelations[entityId].Contains(reader.GetString(1))) continue;
                var day = reader.GetString(3);
                events[entityId].Add(new TimelineEvent(day.Length == 0 ? null : day, reader.GetString(1), reader.GetNullableString(2), null));
            }
        }
        return events.ToDictionary(e => e.Key, e => InDateOrder(e.Value), StringComparer.Ordinal);
    }

    private static IReadOnlyList<TimelineEvent> InDateOrder(IEnumerable<TimelineEvent> events) =>
    [
        .. events
            .OrderBy(e => e.Date is null)
            .ThenBy(e => e.Date, StringComparer.Ordinal)
            .ThenBy(e => e.ArticleId, StringComparer.Ordinal)
            .ThenBy(e => e.Relation?.Id, StringComparer.Ordinal),
    ];

    public async Task<IReadOnlyDictionary<string, Page<GraphArticle>>> FindArticlesOfEntitiesAsync(IReadOnlyCollection<string> entityIds,
        PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        PageCursor.CheckPageSize(page);
        var after = PageCursor.Decode(page.After, "articles", JsonValueKind.String, JsonValueKind.String);
        var ids = SqlExtensions.JsonList(entityIds.Distinct(StringComparer.Ordinal));
        // The same order and keyset as FindArticlesAsync (newest first, undated last), numbered within each entity.
        var keyset = after is null ? "" : "AND (a.published_key < @after_key OR (a.published_key = @after_key AND a.id > @after_id))";

        await using var connection = await ReadAsync(cancellationToken);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await connection.Command("""
                         SELECT entity_id, count(*) FROM article_entities
                         WHERE entity_id IN (SELECT value FROM json_each(@ids)) GROUP BY entity_id
                         """).With("@ids", ids).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) totals[reader.GetString(0)] = reader.GetInt64(1);
        }
        var command = connection.Command($"""
            SELECT * FROM (
                SELECT {GraphRows.ArticleColumns}, ae.entity_id,
                       row_number() OVER (PARTITION BY ae.entity_id ORDER BY a.published_key DESC, a.id) AS n
                FROM article_entities ae JOIN articles a ON a.key = ae.article_key
                WHERE ae.entity_id IN (SELECT value FROM json_each(@ids)) {keyset})
            WHERE n <= @limit ORDER BY entity_id, n
            """).With("@ids", ids).With("@limit", page.First + 1);
        if (after is not null) command.With("@after_key", after[0].GetString()).With("@after_id", after[1].GetString());
        var rows = entityIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<(GraphArticle Article, string Key)>(), StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows[reader.GetString(9)].Add((GraphRows.ReadArticle(reader), reader.GetString(8)));
        }
        return rows.ToDictionary(r => r.Key, r => new Page<GraphArticle>(
            [.. r.Value.Take(page.First).Select(a => new PageItem<GraphArticle>(PageCursor.Encode("articles", a.Key, a.Article.Id), a.Article))],
            r.Value.Count > page.First, totals.GetValueOrDefault(r.Key)), StringComparer.Ordinal);
    }
}
