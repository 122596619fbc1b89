using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// Writes validated articles through a <see cref="GraphWriter"/>, one set-based statement per table and article;
/// ids merged away are redirected first.
/// </summary>
internal sealed class ArticleIngester(GraphWriter writer, IReadOnlyDictionary<string, string> redirects)
{
    public IngestOutcome Write(ExtractionResult result)
    {
        var info = result.Article;
        var articleId = ArticleIdentity.IdOf(info);
        var replacing = false;
        var existing = writer.Prepared("SELECT content_hash, entity_count, relation_count FROM articles WHERE id = @id", "@id");
        existing.Set("@id", articleId);
        using (var reader = existing.ExecuteReader())
        {
            if (reader.Read())
            {
                if (reader.GetString(0) == info.ContentHash)
                    return new IngestOutcome(articleId, IngestStatus.Unchanged, reader.GetInt32(1), reader.GetInt32(2));
                replacing = true;
            }
        }
        if (replacing) writer.RemoveArticle(articleId);

        var entityIds = result.Entities.Select(e => Resolve(e.Id)).Distinct(StringComparer.Ordinal).ToList();
        var relations = DistinctRelations(result);
        var relationCount = relations.Select(r => r.Key.Id).Distinct(StringComparer.Ordinal).Count();
        InsertArticle(articleId, info, entityIds.Count, relationCount);
        WriteEntities(articleId, result.Entities);
        WriteRelations(articleId, info, relations);
        WriteDeals(articleId, info, result.Deals);
        return new IngestOutcome(articleId, replacing ? IngestStatus.Replaced : IngestStatus.Inserted, entityIds.Count, relationCount);
    }

    public static string PublishedKey(DateTime? publishedAt) =>
        publishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) ?? "";

    private string Resolve(string id) => redirects.TryGetValue(id, out var kept) ? kept : id;

    /// <summary>Relations as stored: redirected, canonical, no loops, one per edge and evidence span (the most confident).</summary>
    private List<(RelationKey Key, ExtractedRelation Relation)> DistinctRelations(ExtractionResult result)
    {
        var seen = new HashSet<(string, int, int)>();
        var list = new List<(RelationKey, ExtractedRelation)>();
        foreach (var relation in result.Relations.OrderByDescending(r => r.Confidence))
        {
            var key = RelationKey.Of(writer.Ontology, relation.Type, Resolve(relation.Subject), Resolve(relation.Object));
            if (key.IsLoop || !seen.Add((key.Id, relation.Evidence.Start, relation.Evidence.End))) continue;
            list.Add((key, relation));
        }
        return list;
    }

    private void InsertArticle(string articleId, ArticleInfo info, int entityCount, int relationCount)
    {
        var command = writer.Prepared("""
            INSERT INTO articles (id, source, content_hash, title, url, published_at, published_key, entity_count, relation_count)
            VALUES (@id, @source, @hash, @title, @url, @published, @key, @entities, @relations)
            """, "@id", "@source", "@hash", "@title", "@url", "@published", "@key", "@entities", "@relations");
        command.Set("@id", articleId);
        command.Set("@source", info.Source ?? "");
        command.Set("@hash", info.ContentHash);
        command.Set("@title", info.Title);
        command.Set("@url", info.Url);
        command.Set("@published", info.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
        command.Set("@key", PublishedKey(info.PublishedAt));
        command.Set("@entities", entityCount);
        command.Set("@relations", relationCount);
        command.ExecuteNonQuery();
    }

    private void WriteEntities(string articleId, IReadOnlyList<ExtractedEntity> entities)
    {
        var entityRows = new JsonRows();
        var aliasRows = new JsonRows();
        var mentionRows = new JsonRows();
        var terms = new List<(string EntityId, string? Text, int Rank)>();
        foreach (var entity in entities)
        {
            var id = Resolve(entity.Id);
            entityRows.Row().Add(id).Add(entity.Type).Add(entity.Name).Add(entity.ChineseName);
            var names = new List<string>(entity.Aliases);
            // A redirected id's own names become aliases of the entity it was merged into.
            if (id != entity.Id)
            {
                names.Add(entity.Name);
                if (entity.ChineseName is not null) names.Add(entity.ChineseName);
            }
            foreach (var name in names) aliasRows.Row().Add(id).Add(name);
            foreach (var span in entity.Mentions) mentionRows.Row().Add(id).Add(span.Start).Add(span.End).Add(span.Text);
            terms.AddRange(names.Select(name => (id, (string?)name, 1)));
        }

        // The stored names come back, so that search terms rank the entity's own names, not this article's spelling.
        var upsert = writer.Prepared("""
            INSERT INTO entities (id, type, name, chinese_name)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows) WHERE true
            ON CONFLICT (id) DO UPDATE SET chinese_name = coalesce(entities.chinese_name, excluded.chinese_name)
            RETURNING id, name, chinese_name
            """, "@rows");
        upsert.Set("@rows", entityRows.ToJson());
        using (var reader = upsert.ExecuteReader())
        {
            while (reader.Read())
            {
                terms.Add((reader.GetString(0), reader.GetString(1), 0));
                terms.Add((reader.GetString(0), reader.GetNullableString(2), 0));
            }
        }
        Execute("""
            INSERT OR IGNORE INTO article_entities (article_id, entity_id)
            SELECT @article, value ->> 0 FROM json_each(@rows)
            """, articleId, entityRows);
        Execute("""
            INSERT OR IGNORE INTO entity_aliases (entity_id, alias, source)
            SELECT value ->> 0, value ->> 1, @article FROM json_each(@rows)
            """, articleId, aliasRows);
        Execute("""
            INSERT INTO mentions (article_id, entity_id, span_start, span_end, text)
            SELECT @article, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows)
            """, articleId, mentionRows);
        writer.AddTerms(terms);
    }

    private void WriteRelations(string articleId, ArticleInfo info, List<(RelationKey Key, ExtractedRelation Relation)> relations)
    {
        if (relations.Count == 0) return;
        var rows = new JsonRows();
        foreach (var (key, relation) in relations)
        {
            var a = relation.Attributes;
            rows.Row().Add(key.Id).Add(key.Type).Add(key.SubjectId).Add(key.ObjectId).Add(relation.Confidence)
                .Add(a.Role).Add(a.Amount.ToSql()).Add(a.Amount.ToSqlNumber()).Add(a.Currency).Add(a.Round)
                .Add(a.Lead is null ? null : a.Lead.Value ? 1 : 0).Add(a.Date).Add(a.Product)
                .Add(a.Date ?? GraphWriter.DayOf(info.PublishedAt))
                .Add(relation.Evidence.Start).Add(relation.Evidence.End).Add(relation.Evidence.Text);
        }
        var json = rows.ToJson();

        // A new edge takes its single evidence's values; an edge seen before is recomputed from all evidence at the end.
        var upsert = writer.Prepared("""
            INSERT INTO relations (id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
                                   attr_date, product, first_date, last_date, evidence_count)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
                   value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 13, 1
            FROM json_each(@rows) WHERE true
            ON CONFLICT (id) DO UPDATE SET evidence_count = relations.evidence_count + 1
            RETURNING id, evidence_count
            """, "@rows");
        upsert.Set("@rows", json);
        using (var reader = upsert.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(1) > 1) writer.RecomputeLater(reader.GetString(0));
            }
        }

        var evidence = writer.Prepared("""
            INSERT INTO evidence (relation_id, article_id, span_start, span_end, text, confidence, evidence_date,
                                  role, amount, amount_value, currency, round, lead, attr_date, product)
            SELECT value ->> 0, @article, value ->> 14, value ->> 15, value ->> 16, value ->> 4, value ->> 13,
                   value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12
            FROM json_each(@rows)
            """, "@article", "@rows");
        evidence.Set("@article", articleId);
        evidence.Set("@rows", json);
        evidence.ExecuteNonQuery();
    }

    private void WriteDeals(string articleId, ArticleInfo info, IReadOnlyList<ExtractedDeal> deals)
    {
        if (deals.Count == 0) return;
        var dealRows = new JsonRows();
        var partyRows = new JsonRows();
        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i];
            var dealId = $"deal:{articleId[2..]}:{i}";
            dealRows.Row().Add(dealId).Add(deal.Kind).Add(deal.Amount.ToSql()).Add(deal.Amount.ToSqlNumber()).Add(deal.Currency)
                .Add(deal.Round).Add(deal.Date).Add(deal.Date ?? GraphWriter.DayOf(info.PublishedAt)).Add(deal.Confidence)
                .Add(deal.Evidence.Start).Add(deal.Evidence.End).Add(deal.Evidence.Text);
            for (var p = 0; p < deal.Parties.Count; p++)
                partyRows.Row().Add(dealId).Add(p).Add(Resolve(deal.Parties[p].EntityId)).Add(deal.Parties[p].Role);
        }
        Execute("""
            INSERT INTO deals (id, article_id, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                               span_start, span_end, text)
            SELECT value ->> 0, @article, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
                   value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11
            FROM json_each(@rows)
            """, articleId, dealRows);
        Execute("""
            INSERT INTO deal_parties (deal_id, ordinal, entity_id, role)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows)
            """, articleId, partyRows);
    }

    private void Execute(string sql, string articleId, JsonRows rows)
    {
        var command = writer.Prepared(sql, "@article", "@rows");
        command.Set("@article", articleId);
        command.Set("@rows", rows.ToJson());
        command.ExecuteNonQuery();
    }
}
