using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// The rows of every table for the articles of one batch, in article order, written with one statement per table.
/// An entity named by several articles is upserted once, with the first name and the first Chinese name given.
/// </summary>
internal sealed class BatchRows(Func<string, string> resolve)
{
    private readonly List<(string Id, string Type, string Name)> _entities = [];
    private readonly Dictionary<string, int> _entityIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chineseNames = new(StringComparer.Ordinal);
    private readonly JsonRows _articles = new();
    private readonly JsonRows _articleEntities = new();
    private readonly JsonRows _aliases = new();
    private readonly JsonRows _mentions = new();
    private readonly JsonRows _relations = new();
    private readonly JsonRows _deals = new();
    private readonly JsonRows _parties = new();
    private readonly List<(string EntityId, string? Text, int Rank)> _terms = [];

    public int Count => _articles.Count;

    public void Add(string articleId, ExtractionResult result, PreparedArticle shape)
    {
        var info = result.Article;
        _articles.Row().Add(articleId).Add(info.Source ?? "").Add(info.ContentHash).Add(info.Title).Add(info.Url)
            .Add(info.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)).Add(ArticleIngester.PublishedKey(info.PublishedAt))
            .Add(shape.EntityIds.Count).Add(shape.RelationCount);
        foreach (var entityId in shape.EntityIds) _articleEntities.Row().Add(articleId).Add(entityId);
        AddEntities(articleId, result.Entities);
        AddRelations(articleId, info, shape.Relations);
        AddDeals(articleId, info, result.Deals);
    }

    private void AddEntities(string articleId, IReadOnlyList<ExtractedEntity> entities)
    {
        foreach (var entity in entities)
        {
            var id = resolve(entity.Id);
            if (_entityIndex.TryAdd(id, _entities.Count)) _entities.Add((id, entity.Type, entity.Name));
            if (entity.ChineseName is not null) _chineseNames.TryAdd(id, entity.ChineseName);
            // A redirected id's own names become aliases of the entity it was merged into.
            var redirected = id != entity.Id;
            foreach (var alias in entity.Aliases) AddAlias(articleId, id, alias);
            if (redirected)
            {
                AddAlias(articleId, id, entity.Name);
                if (entity.ChineseName is not null) AddAlias(articleId, id, entity.ChineseName);
            }
            foreach (var span in entity.Mentions) _mentions.Row().Add(articleId).Add(id).Add(span.Start).Add(span.End).Add(span.Text);
        }
    }

    private void AddAlias(string articleId, string entityId, string alias)
    {
        _aliases.Row().Add(entityId).Add(alias).Add(articleId);
        _terms.Add((entityId, alias, 1));
    }

    private void AddRelations(string articleId, ArticleInfo info, List<(string Id, RelationKey Key, ExtractedRelation Relation)> relations)
    {
        var publishedDay = GraphWriter.DayOf(info.PublishedAt);
        foreach (var (id, key, relation) in relations)
        {
            var a = relation.Attributes;
            _relations.Row().Add(id).Add(key.Type).Add(key.SubjectId).Add(key.ObjectId).Add(relation.Confidence)
                .Add(a.Role).Add(a.Amount.ToSql()).Add(a.Amount.ToSqlNumber()).Add(a.Currency).Add(a.Round)
                .Add(a.Lead is null ? null : a.Lead.Value ? 1 : 0).Add(a.Date).Add(a.Product)
                .Add(a.Date ?? publishedDay)
                .Add(relation.Evidence.Start).Add(relation.Evidence.End).Add(relation.Evidence.Text).Add(articleId);
        }
    }

    private void AddDeals(string articleId, ArticleInfo info, IReadOnlyList<ExtractedDeal> deals)
    {
        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i];
            var dealId = $"deal:{articleId[2..]}:{i}";
            _deals.Row().Add(dealId).Add(articleId).Add(deal.Kind).Add(deal.Amount.ToSql()).Add(deal.Amount.ToSqlNumber()).Add(deal.Currency)
                .Add(deal.Round).Add(deal.Date).Add(deal.Date ?? GraphWriter.DayOf(info.PublishedAt)).Add(deal.Confidence)
                .Add(deal.Evidence.Start).Add(deal.Evidence.End).Add(deal.Evidence.Text);
            for (var p = 0; p < deal.Parties.Count; p++)
                _parties.Row().Add(dealId).Add(p).Add(resolve(deal.Parties[p].EntityId)).Add(deal.Parties[p].Role);
        }
    }

    public void WriteTo(GraphWriter writer)
    {
        Execute(writer, """
            INSERT INTO articles (id, source, content_hash, title, url, published_at, published_key, entity_count, relation_count)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
            FROM json_each(@rows)
            """, _articles);
        WriteEntities(writer);
        Execute(writer, "INSERT OR IGNORE INTO article_entities (article_id, entity_id) SELECT value ->> 0, value ->> 1 FROM json_each(@rows)",
            _articleEntities);
        Execute(writer, "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, source) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows)",
            _aliases);
        Execute(writer, """
            INSERT INTO mentions (article_id, entity_id, span_start, span_end, text)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(@rows)
            """, _mentions);
        writer.AddTerms(_terms);
        WriteRelations(writer);
        Execute(writer, """
            INSERT INTO deals (id, article_id, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                               span_start, span_end, text)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
                   value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12
            FROM json_each(@rows)
            """, _deals);
        Execute(writer, """
            INSERT INTO deal_parties (deal_id, ordinal, entity_id, role)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows)
            """, _parties);
    }

    /// <summary>The stored names come back, so that search terms rank the entity's own names, not this batch's spelling.</summary>
    private void WriteEntities(GraphWriter writer)
    {
        var rows = new JsonRows();
        foreach (var (id, type, name) in _entities) rows.Row().Add(id).Add(type).Add(name).Add(_chineseNames.GetValueOrDefault(id));
        var upsert = writer.Prepared("""
            INSERT INTO entities (id, type, name, chinese_name)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows) WHERE true
            ON CONFLICT (id) DO UPDATE SET chinese_name = coalesce(entities.chinese_name, excluded.chinese_name)
            RETURNING id, name, chinese_name
            """, "@rows");
        upsert.Set("@rows", rows.ToJson());
        using var reader = upsert.ExecuteReader();
        while (reader.Read())
        {
            _terms.Add((reader.GetString(0), reader.GetString(1), 0));
            _terms.Add((reader.GetString(0), reader.GetNullableString(2), 0));
        }
    }

    /// <summary>A new edge takes its first evidence's values; an edge seen again is recomputed from all its evidence at the end.</summary>
    private void WriteRelations(GraphWriter writer)
    {
        if (_relations.Count == 0) return;
        var json = _relations.ToJson();
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
            SELECT value ->> 0, value ->> 17, value ->> 14, value ->> 15, value ->> 16, value ->> 4, value ->> 13,
                   value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12
            FROM json_each(@rows)
            """, "@rows");
        evidence.Set("@rows", json);
        evidence.ExecuteNonQuery();
    }

    private static void Execute(GraphWriter writer, string sql, JsonRows rows)
    {
        if (rows.Count == 0) return;
        var command = writer.Prepared(sql, "@rows");
        command.Set("@rows", rows.ToJson());
        command.ExecuteNonQuery();
    }
}
