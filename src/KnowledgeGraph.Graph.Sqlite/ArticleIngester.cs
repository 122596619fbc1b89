using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// Writes a validated batch through a <see cref="GraphWriter"/> with one set-based statement per table for the whole
/// batch (rows as one JSON parameter), so the cost per article is rows, not statements. Ids merged away are redirected
/// first; an article named more than once in the batch is judged version by version and written in its last version.
/// </summary>
internal sealed class ArticleIngester(GraphWriter writer, IReadOnlyDictionary<string, string> redirects)
{
    public IReadOnlyList<IngestOutcome> Write(IReadOnlyList<ExtractionResult> batch)
    {
        var ids = batch.Select(a => ArticleIdentity.IdOf(a.Article)).ToList();
        var stored = ReadStoredArticles(ids);
        var outcomes = new List<IngestOutcome>(batch.Count);
        var lastVersion = new Dictionary<string, int>(StringComparer.Ordinal);
        var state = new Dictionary<string, (string Hash, int Entities, int Relations)>(stored, StringComparer.Ordinal);
        var shapes = new PreparedArticle?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var hash = batch[i].Article.ContentHash;
            if (state.TryGetValue(ids[i], out var known) && known.Hash == hash)
            {
                outcomes.Add(new IngestOutcome(ids[i], IngestStatus.Unchanged, known.Entities, known.Relations));
                continue;
            }
            var shape = Prepare(batch[i]);
            shapes[i] = shape;
            lastVersion[ids[i]] = i;
            outcomes.Add(new IngestOutcome(ids[i], state.ContainsKey(ids[i]) ? IngestStatus.Replaced : IngestStatus.Inserted,
                shape.EntityIds.Count, shape.RelationCount));
            state[ids[i]] = (hash, shape.EntityIds.Count, shape.RelationCount);
        }

        foreach (var id in lastVersion.Keys.Where(stored.ContainsKey)) writer.RemoveArticle(id);
        var rows = new BatchRows(Resolve, NextKey(NextArticleKey), NextKey(NextDealKey));
        for (var i = 0; i < batch.Count; i++)
        {
            if (shapes[i] is { } shape && lastVersion[ids[i]] == i) rows.Add(ids[i], batch[i], shape);
        }
        if (rows.Count > 0) rows.WriteTo(writer);
        return outcomes;
    }

    public static string PublishedKey(DateTime? publishedAt) =>
        publishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) ?? "";

    private Dictionary<string, (string Hash, int Entities, int Relations)> ReadStoredArticles(List<string> ids)
    {
        var stored = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
        var command = writer.Prepared(
            "SELECT id, content_hash, entity_count, relation_count FROM articles WHERE id IN (SELECT value FROM json_each(@ids))", "@ids");
        command.Set("@ids", SqlExtensions.JsonList(ids.Distinct(StringComparer.Ordinal)));
        using var reader = command.ExecuteReader();
        while (reader.Read()) stored[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3));
        return stored;
    }

    private const string NextArticleKey = "SELECT coalesce(max(key), 0) + 1 FROM articles";
    private const string NextDealKey = "SELECT coalesce(max(key), 0) + 1 FROM deals";

    /// <summary>Keys are handed out in C#: the batch holds the only write transaction, so max(key) cannot move under it.</summary>
    private long NextKey(string query) => Convert.ToInt64(writer.Prepared(query).ExecuteScalar(), CultureInfo.InvariantCulture);

    private string Resolve(string id) => redirects.TryGetValue(id, out var kept) ? kept : id;

    private PreparedArticle Prepare(ExtractionResult result)
    {
        var entityIds = result.Entities.Select(e => Resolve(e.Id)).Distinct(StringComparer.Ordinal).ToList();
        // Relations as stored: redirected, canonical, no loops, one per edge and evidence span (the most confident).
        var seen = new HashSet<(string, int, int)>();
        var relations = new List<(string Id, RelationKey Key, ExtractedRelation Relation)>();
        foreach (var relation in result.Relations.OrderByDescending(r => r.Confidence))
        {
            var key = RelationKey.Of(writer.Ontology, relation.Type, Resolve(relation.Subject), Resolve(relation.Object));
            if (key.IsLoop) continue;
            var id = key.Id;
            if (seen.Add((id, relation.Evidence.Start, relation.Evidence.End))) relations.Add((id, key, relation));
        }
        var relationCount = relations.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
        return new PreparedArticle(entityIds, relations, relationCount);
    }

}

internal sealed record PreparedArticle(
    List<string> EntityIds, List<(string Id, RelationKey Key, ExtractedRelation Relation)> Relations, int RelationCount);
