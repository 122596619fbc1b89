using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>Writes validated articles through a <see cref="GraphWriter"/>; ids merged away are redirected first.</summary>
internal sealed class ArticleIngester(GraphWriter writer, IReadOnlyDictionary<string, string> redirects)
{
    public IngestOutcome Write(ExtractionResult result)
    {
        var info = result.Article;
        var articleId = ArticleIdentity.IdOf(info);
        var status = IngestStatus.Inserted;
        using (var reader = Select("SELECT content_hash, entity_count, relation_count FROM articles WHERE id = @id", articleId))
        {
            if (reader.Read())
            {
                if (reader.GetString(0) == info.ContentHash)
                    return new IngestOutcome(articleId, IngestStatus.Unchanged, reader.GetInt32(1), reader.GetInt32(2));
                status = IngestStatus.Replaced;
            }
        }
        if (status == IngestStatus.Replaced) writer.RemoveArticle(articleId);

        var entityIds = result.Entities.Select(e => Resolve(e.Id)).Distinct(StringComparer.Ordinal).ToList();
        var relations = DistinctRelations(result, articleId);
        InsertArticle(articleId, info, entityIds.Count, relations.Select(r => r.Key.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var entity in result.Entities) WriteEntity(articleId, entity);
        foreach (var (key, relation) in relations) WriteRelation(articleId, info, key, relation);
        for (var i = 0; i < result.Deals.Count; i++) WriteDeal(articleId, info, i, result.Deals[i]);
        return new IngestOutcome(articleId, status, entityIds.Count, relations.Select(r => r.Key.Id).Distinct(StringComparer.Ordinal).Count());
    }

    private string Resolve(string id) => redirects.TryGetValue(id, out var kept) ? kept : id;

    /// <summary>Relations as stored: redirected, canonical, no loops, one per edge and evidence span.</summary>
    private List<(RelationKey Key, ExtractedRelation Relation)> DistinctRelations(ExtractionResult result, string articleId)
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

    private Microsoft.Data.Sqlite.SqliteDataReader Select(string sql, string id)
    {
        var command = writer.Prepared(sql, "@id");
        command.Set("@id", id);
        return command.ExecuteReader();
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

    public static string PublishedKey(DateTime? publishedAt) =>
        publishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) ?? "";

    private void WriteEntity(string articleId, ExtractedEntity entity)
    {
        var id = Resolve(entity.Id);
        var upsert = writer.Prepared("""
            INSERT INTO entities (id, type, name, chinese_name) VALUES (@id, @type, @name, @chinese)
            ON CONFLICT (id) DO UPDATE SET chinese_name = coalesce(entities.chinese_name, excluded.chinese_name)
            """, "@id", "@type", "@name", "@chinese");
        upsert.Set("@id", id);
        upsert.Set("@type", entity.Type);
        upsert.Set("@name", entity.Name);
        upsert.Set("@chinese", entity.ChineseName);
        upsert.ExecuteNonQuery();

        var vouch = writer.Prepared("INSERT OR IGNORE INTO article_entities (article_id, entity_id) VALUES (@article, @entity)", "@article", "@entity");
        vouch.Set("@article", articleId);
        vouch.Set("@entity", id);
        vouch.ExecuteNonQuery();

        var alias = writer.Prepared("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, source) VALUES (@entity, @alias, @source)",
            "@entity", "@alias", "@source");
        alias.Set("@entity", id);
        alias.Set("@source", articleId);
        // A redirected id's own names become aliases of the entity it was merged into.
        var names = new List<string>(entity.Aliases);
        if (id != entity.Id)
        {
            names.Add(entity.Name);
            if (entity.ChineseName is not null) names.Add(entity.ChineseName);
        }
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            alias.Set("@alias", name);
            alias.ExecuteNonQuery();
        }

        var mention = writer.Prepared("""
            INSERT INTO mentions (article_id, entity_id, span_start, span_end, text) VALUES (@article, @entity, @start, @end, @text)
            """, "@article", "@entity", "@start", "@end", "@text");
        mention.Set("@article", articleId);
        mention.Set("@entity", id);
        foreach (var span in entity.Mentions)
        {
            mention.Set("@start", span.Start);
            mention.Set("@end", span.End);
            mention.Set("@text", span.Text);
            mention.ExecuteNonQuery();
        }
        writer.ReindexLater(id);
    }

    private void WriteRelation(string articleId, ArticleInfo info, RelationKey key, ExtractedRelation relation)
    {
        var attributes = relation.Attributes;
        var evidenceDate = attributes.Date ?? GraphWriter.DayOf(info.PublishedAt);
        // A new edge takes its single evidence's values; an existing one is recomputed from all evidence at the end.
        var upsert = writer.Prepared("""
            INSERT INTO relations (id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
                                   attr_date, product, first_date, last_date, evidence_count)
            VALUES (@id, @type, @subject, @object, @confidence, @role, @amount, @amount_value, @currency, @round, @lead,
                    @attr_date, @product, @date, @date, 1)
            ON CONFLICT (id) DO UPDATE SET evidence_count = relations.evidence_count + 1
            RETURNING evidence_count
            """, "@id", "@type", "@subject", "@object", "@confidence", "@role", "@amount", "@amount_value", "@currency", "@round",
            "@lead", "@attr_date", "@product", "@date");
        upsert.Set("@id", key.Id);
        upsert.Set("@type", key.Type);
        upsert.Set("@subject", key.SubjectId);
        upsert.Set("@object", key.ObjectId);
        SetAttributes(upsert, relation.Confidence, attributes);
        upsert.Set("@date", evidenceDate);
        if (Convert.ToInt64(upsert.ExecuteScalar(), CultureInfo.InvariantCulture) > 1) writer.RecomputeLater(key.Id);

        var evidence = writer.Prepared("""
            INSERT INTO evidence (relation_id, article_id, span_start, span_end, text, confidence, evidence_date,
                                  role, amount, amount_value, currency, round, lead, attr_date, product)
            VALUES (@relation, @article, @start, @end, @text, @confidence, @date,
                    @role, @amount, @amount_value, @currency, @round, @lead, @attr_date, @product)
            """, "@relation", "@article", "@start", "@end", "@text", "@confidence", "@date", "@role", "@amount", "@amount_value",
            "@currency", "@round", "@lead", "@attr_date", "@product");
        evidence.Set("@relation", key.Id);
        evidence.Set("@article", articleId);
        evidence.Set("@start", relation.Evidence.Start);
        evidence.Set("@end", relation.Evidence.End);
        evidence.Set("@text", relation.Evidence.Text);
        evidence.Set("@date", evidenceDate);
        SetAttributes(evidence, relation.Confidence, attributes);
        evidence.ExecuteNonQuery();
    }

    private static void SetAttributes(Microsoft.Data.Sqlite.SqliteCommand command, double confidence, RelationAttributes attributes)
    {
        command.Set("@confidence", confidence);
        command.Set("@role", attributes.Role);
        command.Set("@amount", attributes.Amount.ToSql());
        command.Set("@amount_value", attributes.Amount.ToSqlNumber());
        command.Set("@currency", attributes.Currency);
        command.Set("@round", attributes.Round);
        command.Set("@lead", attributes.Lead is null ? null : attributes.Lead.Value ? 1 : 0);
        command.Set("@attr_date", attributes.Date);
        command.Set("@product", attributes.Product);
    }

    private void WriteDeal(string articleId, ArticleInfo info, int ordinal, ExtractedDeal deal)
    {
        var dealId = $"deal:{articleId[2..]}:{ordinal}";
        var insert = writer.Prepared("""
            INSERT INTO deals (id, article_id, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                               span_start, span_end, text)
            VALUES (@id, @article, @kind, @amount, @amount_value, @currency, @round, @date, @filter_date, @confidence,
                    @start, @end, @text)
            """, "@id", "@article", "@kind", "@amount", "@amount_value", "@currency", "@round", "@date", "@filter_date",
            "@confidence", "@start", "@end", "@text");
        insert.Set("@id", dealId);
        insert.Set("@article", articleId);
        insert.Set("@kind", deal.Kind);
        insert.Set("@amount", deal.Amount.ToSql());
        insert.Set("@amount_value", deal.Amount.ToSqlNumber());
        insert.Set("@currency", deal.Currency);
        insert.Set("@round", deal.Round);
        insert.Set("@date", deal.Date);
        insert.Set("@filter_date", deal.Date ?? GraphWriter.DayOf(info.PublishedAt));
        insert.Set("@confidence", deal.Confidence);
        insert.Set("@start", deal.Evidence.Start);
        insert.Set("@end", deal.Evidence.End);
        insert.Set("@text", deal.Evidence.Text);
        insert.ExecuteNonQuery();

        var party = writer.Prepared("INSERT INTO deal_parties (deal_id, ordinal, entity_id, role) VALUES (@deal, @ordinal, @entity, @role)",
            "@deal", "@ordinal", "@entity", "@role");
        party.Set("@deal", dealId);
        for (var i = 0; i < deal.Parties.Count; i++)
        {
            party.Set("@ordinal", i);
            party.Set("@entity", Resolve(deal.Parties[i].EntityId));
            party.Set("@role", deal.Parties[i].Role);
            party.ExecuteNonQuery();
        }
    }
}
