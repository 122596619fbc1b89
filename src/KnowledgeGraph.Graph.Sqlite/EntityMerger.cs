namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Moves everything of one entity onto another inside the caller's write transaction.</summary>
internal static class EntityMerger
{
    public static void Merge(GraphWriter writer, string keepId, string dropId)
    {
        if (keepId == dropId) throw new GraphQueryException("BAD_ARGUMENT", $"cannot merge entity '{keepId}' into itself");
        RequireEntity(writer, keepId, "keep");
        RequireEntity(writer, dropId, "drop");

        Execute(writer, "UPDATE entity_redirects SET kept_id = @keep WHERE kept_id = @drop", keepId, dropId);
        Execute(writer, "INSERT OR REPLACE INTO entity_redirects (dropped_id, kept_id) VALUES (@drop, @keep)", keepId, dropId);
        MoveArticlesAndAliases(writer, keepId, dropId);
        Execute(writer, "UPDATE entities SET chinese_name = coalesce(chinese_name, (SELECT chinese_name FROM entities WHERE id = @drop)) WHERE id = @keep", keepId, dropId);
        // A span both entities were mentioned at stays once; the dropped entity's copy goes with it.
        Execute(writer, "UPDATE OR IGNORE mentions SET entity_id = @keep WHERE entity_id = @drop", keepId, dropId);
        Execute(writer, "UPDATE deal_parties SET entity_id = @keep WHERE entity_id = @drop", keepId, dropId);
        var otherEnds = MoveRelations(writer, keepId, dropId);
        writer.RecountDegrees([keepId, .. otherEnds]);
        Execute(writer, "DELETE FROM entities WHERE id = @drop", keepId, dropId);
        writer.ReindexLater(keepId);
    }

    /// <summary>
    /// The dropped entity's articles vouch for the kept one, each with the union of the aliases it gave either; the
    /// dropped entity's own names stay as pinned aliases. Counts are then taken again from the kept entity's article
    /// lists, since an alias an article gave both entities must count once.
    /// </summary>
    private static void MoveArticlesAndAliases(GraphWriter writer, string keepId, string dropId)
    {
        Execute(writer, """
            UPDATE article_entities AS k
            SET aliases = (SELECT nullif(json_group_array(value), '[]')
                           FROM (SELECT value FROM json_each(k.aliases) UNION SELECT value FROM json_each(d.aliases)))
            FROM (SELECT article_key, aliases FROM article_entities WHERE entity_id = @drop) AS d
            WHERE k.entity_id = @keep AND k.article_key = d.article_key
            """, keepId, dropId);
        Execute(writer, """
            INSERT OR IGNORE INTO article_entities (entity_id, article_key, aliases)
            SELECT @keep, article_key, aliases FROM article_entities WHERE entity_id = @drop
            """, keepId, dropId);
        Execute(writer, """
            INSERT INTO entity_aliases (entity_id, alias, articles, pinned)
            SELECT * FROM (SELECT @keep, alias, 0, pinned FROM entity_aliases WHERE entity_id = @drop
                           UNION ALL SELECT @keep, name, 0, 1 FROM entities WHERE id = @drop
                           UNION ALL SELECT @keep, chinese_name, 0, 1 FROM entities WHERE id = @drop AND chinese_name IS NOT NULL)
            WHERE true
            ON CONFLICT (entity_id, alias) DO UPDATE SET pinned = max(entity_aliases.pinned, excluded.pinned)
            """, keepId, dropId);
        Execute(writer, """
            WITH counted (alias, articles) AS MATERIALIZED (
                SELECT j.value, count(*) FROM article_entities ae, json_each(ae.aliases) j WHERE ae.entity_id = @keep GROUP BY j.value)
            UPDATE entity_aliases SET articles = coalesce((SELECT c.articles FROM counted c WHERE c.alias = entity_aliases.alias), 0)
            WHERE entity_id = @keep
            """, keepId, dropId);
        Execute(writer, "DELETE FROM entity_aliases WHERE entity_id = @keep AND articles = 0 AND pinned = 0", keepId, dropId);
    }

    /// <summary>Moves the dropped entity's edges onto the kept one; returns the entities at their other ends.</summary>
    private static HashSet<string> MoveRelations(GraphWriter writer, string keepId, string dropId)
    {
        var moves = new List<(long OldKey, RelationKey Key)>();
        using (var reader = writer.OneOff("SELECT key, type, subject_id, object_id FROM relations WHERE subject_id = @drop OR object_id = @drop")
                   .With("@drop", dropId).ExecuteReader())
        {
            while (reader.Read())
            {
                string Moved(string id) => id == dropId ? keepId : id;
                moves.Add((reader.GetInt64(0), RelationKey.Of(writer.Ontology, reader.GetString(1), Moved(reader.GetString(2)), Moved(reader.GetString(3)))));
            }
        }
        // Degrees are counted again by the caller; only the type counts follow the moves here.
        var collapsed = new EdgeChanges();
        foreach (var (oldKey, key) in moves)
        {
            // An edge between the two merged entities would now join the entity to itself: it has no meaning left.
            if (key.IsLoop) collapsed.EdgeCollapsed(key.Type);
            else
            {
                var inserted = writer.OneOff("""
                    INSERT INTO relations (id, type, subject_id, object_id, confidence, evidence_count)
                    VALUES (@id, @type, @subject, @object, 0, 0) ON CONFLICT (id) DO NOTHING
                    """).With("@id", key.Id).With("@type", key.Type).With("@subject", key.SubjectId).With("@object", key.ObjectId)
                    .ExecuteNonQuery();
                if (inserted == 0) collapsed.EdgeCollapsed(key.Type);
                var newKey = (long)writer.OneOff("SELECT key FROM relations WHERE id = @id").With("@id", key.Id).ExecuteScalar()!;
                writer.OneOff("""
                    INSERT OR IGNORE INTO evidence (relation_key, article_key, span_start, span_end, text, confidence, evidence_date,
                                                    role, amount, amount_value, currency, round, lead, attr_date, product)
                    SELECT @new, article_key, span_start, span_end, text, confidence, evidence_date,
                           role, amount, amount_value, currency, round, lead, attr_date, product
                    FROM evidence WHERE relation_key = @old ORDER BY seq
                    """).With("@new", newKey).With("@old", oldKey).ExecuteNonQuery();
                writer.RecomputeLater(newKey);
            }
            writer.OneOff("DELETE FROM relations WHERE key = @old").With("@old", oldKey).ExecuteNonQuery();
        }
        writer.Apply(collapsed);
        return moves.SelectMany(m => new[] { m.Key.SubjectId, m.Key.ObjectId }).Where(id => id != keepId).ToHashSet(StringComparer.Ordinal);
    }

    private static void RequireEntity(GraphWriter writer, string id, string role)
    {
        var exists = writer.OneOff("SELECT 1 FROM entities WHERE id = @id").With("@id", id).ExecuteScalar();
        if (exists is null)
            throw new GraphQueryException("NOT_FOUND", $"cannot merge: the entity to {role}, '{id}', does not exist");
    }

    private static void Execute(GraphWriter writer, string sql, string keepId, string dropId) =>
        writer.OneOff(sql).With("@keep", keepId).With("@drop", dropId).ExecuteNonQuery();
}
