using System.Globalization;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// The rows of every table for the articles of one batch, in article order, written with one statement per table.
/// An entity named by several articles is upserted once, with the first name and the first Chinese name given.
/// Articles are keyed from <paramref name="firstArticleKey"/> on and deals from <paramref name="firstDealKey"/> on, in batch order.
/// </summary>
internal sealed class BatchRows(Func<string, string> resolve, long firstArticleKey, long firstDealKey)
{
    private readonly List<(string Id, string Type, string Name)> _entities = [];
    private readonly Dictionary<string, int> _entityIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chineseNames = new(StringComparer.Ordinal);
    private readonly Dictionary<(string EntityId, string Alias), int> _aliasArticles = [];
    private readonly JsonRows _articles = GraphWriter.ChunkedRows();
    private readonly List<(string EntityId, long ArticleKey, string? Aliases)> _articleEntities = [];
    private readonly List<(long ArticleKey, string EntityId, int Start, int End, string Text)> _mentions = [];
    private readonly List<RelationRow> _relations = [];
    private readonly JsonRows _deals = GraphWriter.ChunkedRows();
    private readonly List<(long DealKey, int Ordinal, string EntityId, string Role)> _parties = [];
    private readonly List<(string EntityId, string? Text, int Rank)> _terms = [];

    public int Count => _articles.Count;

    public void Add(string articleId, ExtractionResult result, PreparedArticle shape)
    {
        var info = result.Article;
        var key = firstArticleKey + _articles.Count;
        _articles.Row().Add(key).Add(articleId).Add(info.Source ?? "").Add(info.ContentHash).Add(info.Title).Add(info.Url)
            .Add(info.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)).Add(ArticleIngester.PublishedKey(info.PublishedAt))
            .Add(shape.EntityIds.Count).Add(shape.RelationCount);
        var aliases = AddEntities(key, result.Entities);
        foreach (var entityId in shape.EntityIds)
        {
            var given = aliases.GetValueOrDefault(entityId);
            _articleEntities.Add((entityId, key, given is null ? null : SqlExtensions.JsonList(given)));
            foreach (var alias in given ?? [])
                _aliasArticles[(entityId, alias)] = _aliasArticles.GetValueOrDefault((entityId, alias)) + 1;
        }
        AddRelations(key, info, shape.Relations);
        AddDeals(articleId, key, info, result.Deals);
    }

    /// <summary>The aliases the article gives each (resolved) entity, each once.</summary>
    private Dictionary<string, List<string>> AddEntities(long articleKey, IReadOnlyList<ExtractedEntity> entities)
    {
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void AddAlias(string entityId, string alias)
        {
            if (!aliases.TryGetValue(entityId, out var list)) aliases[entityId] = list = [];
            if (!list.Contains(alias, StringComparer.Ordinal)) list.Add(alias);
        }
        foreach (var entity in entities)
        {
            var id = resolve(entity.Id);
            if (_entityIndex.TryAdd(id, _entities.Count)) _entities.Add((id, entity.Type, entity.Name));
            if (entity.ChineseName is not null) _chineseNames.TryAdd(id, entity.ChineseName);
            foreach (var alias in entity.Aliases) AddAlias(id, alias);
            // A redirected id's own names become aliases of the entity it was merged into.
            if (id != entity.Id)
            {
                AddAlias(id, entity.Name);
                if (entity.ChineseName is not null) AddAlias(id, entity.ChineseName);
            }
            foreach (var span in entity.Mentions) _mentions.Add((articleKey, id, span.Start, span.End, span.Text));
        }
        return aliases;
    }

    private void AddRelations(long articleKey, ArticleInfo info, List<(string Id, RelationKey Key, ExtractedRelation Relation)> relations)
    {
        var publishedDay = GraphWriter.DayOf(info.PublishedAt);
        foreach (var (id, key, relation) in relations)
            _relations.Add(new RelationRow(id, key, relation, articleKey, relation.Attributes.Date ?? publishedDay, _relations.Count));
    }

    private void AddDeals(string articleId, long articleKey, ArticleInfo info, IReadOnlyList<ExtractedDeal> deals)
    {
        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i];
            var dealKey = firstDealKey + _deals.Count;
            _deals.Row().Add(dealKey).Add($"deal:{articleId[2..]}:{i}").Add(articleKey).Add(deal.Kind).Add(deal.Amount.ToSql()).Add(deal.Amount.ToSqlNumber()).Add(deal.Currency)
                .Add(deal.Round).Add(deal.Date).Add(deal.Date ?? GraphWriter.DayOf(info.PublishedAt)).Add(deal.Confidence)
                .Add(deal.Evidence.Start).Add(deal.Evidence.End).Add(deal.Evidence.Text);
            for (var p = 0; p < deal.Parties.Count; p++)
                _parties.Add((dealKey, p, resolve(deal.Parties[p].EntityId), deal.Parties[p].Role));
        }
    }

    public void WriteTo(GraphWriter writer)
    {
        writer.ExecuteStaged("""
            INSERT OR FAIL INTO articles (key, id, source, content_hash, title, url, published_at, published_key, entity_count, relation_count)
            SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 FROM temp.staged_rows
            """, _articles, 10);
        WriteEntities(writer);
        writer.ExecuteStaged("""
            INSERT OR IGNORE INTO article_entities (entity_id, article_key, aliases) SELECT c0, c1, c2 FROM temp.staged_rows
            """, ArticleEntitiesInKeyOrder(), 3);
        WriteAliases(writer);
        writer.ExecuteStaged("""
            INSERT OR IGNORE INTO mentions (article_key, entity_id, span_start, span_end, text) SELECT c0, c1, c2, c3, c4 FROM temp.staged_rows
            """, MentionsByEntity(), 5);
        writer.AddTerms(_terms);
        WriteRelations(writer);
        writer.ExecuteStaged("""
            INSERT OR FAIL INTO deals (key, id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                                       span_start, span_end, text)
            SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13 FROM temp.staged_rows
            """, _deals, 14);
        writer.ExecuteStaged("""
            INSERT OR FAIL INTO deal_parties (deal_key, ordinal, entity_id, role) SELECT c0, c1, c2, c3 FROM temp.staged_rows
            """, PartiesByEntity(), 4);
    }

    /// <summary>
    /// In the order of the table's key (entity, article): a batch adds rows at the end of each entity's range, so
    /// written in key order each of those pages is fetched and changed once, instead of in turn with every article
    /// that names the entity (in a large store the ranges lie far apart and outside the cache). Sorted in place: the
    /// key is unique within a batch (an article is written once, each of its entities once).
    /// </summary>
    private JsonRows ArticleEntitiesInKeyOrder()
    {
        _articleEntities.Sort((a, b) =>
        {
            var byEntity = string.CompareOrdinal(a.EntityId, b.EntityId);
            return byEntity != 0 ? byEntity : a.ArticleKey.CompareTo(b.ArticleKey);
        });
        var rows = GraphWriter.ChunkedRows();
        foreach (var (entityId, articleKey, aliases) in _articleEntities)
            rows.Row().Add(entityId).Add(articleKey).Add(aliases);
        return rows;
    }

    /// <summary>
    /// Ordered by entity (then the table's key), for the same reason: the table's key starts with the article, so the
    /// batch's rows all go to its last pages whatever their order, while <c>mentions_by_entity</c> takes each at the end
    /// of its entity's range; in entity order each of those pages is changed once per batch.
    /// Sorted in place (the key is the row's whole key, so stability does not matter): a batch has tens of thousands of
    /// mentions, and a sorted copy would be a large array per batch for the collector to reclaim.
    /// </summary>
    private JsonRows MentionsByEntity()
    {
        _mentions.Sort((a, b) =>
        {
            var byEntity = string.CompareOrdinal(a.EntityId, b.EntityId);
            if (byEntity != 0) return byEntity;
            var byArticle = a.ArticleKey.CompareTo(b.ArticleKey);
            return byArticle != 0 ? byArticle : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);
        });
        var rows = GraphWriter.ChunkedRows();
        foreach (var (articleKey, entityId, start, end, text) in _mentions)
            rows.Row().Add(articleKey).Add(entityId).Add(start).Add(end).Add(text);
        return rows;
    }

    /// <summary>By entity, as <see cref="MentionsByEntity"/>: the batch's parties go to the table's last pages anyway, and
    /// <c>deal_parties_by_entity</c> takes each at the end of its entity's range.</summary>
    private JsonRows PartiesByEntity()
    {
        _parties.Sort((a, b) =>
        {
            var byEntity = string.CompareOrdinal(a.EntityId, b.EntityId);
            if (byEntity != 0) return byEntity;
            return a.DealKey != b.DealKey ? a.DealKey.CompareTo(b.DealKey) : a.Ordinal.CompareTo(b.Ordinal);
        });
        var rows = GraphWriter.ChunkedRows();
        foreach (var (dealKey, ordinal, entityId, role) in _parties) rows.Row().Add(dealKey).Add(ordinal).Add(entityId).Add(role);
        return rows;
    }

    /// <summary>
    /// Counts each (entity, alias) up by the batch's articles that give it. Only a pair stored for the first time comes
    /// back with exactly the batch's count and unpinned, and only those need search terms: the others have theirs.
    /// </summary>
    private void WriteAliases(GraphWriter writer)
    {
        if (_aliasArticles.Count == 0) return;
        var rows = new JsonRows();
        foreach (var ((entityId, alias), articles) in _aliasArticles) rows.Row().Add(entityId).Add(alias).Add(articles);
        var upsert = writer.Prepared("""
            INSERT INTO entity_aliases (entity_id, alias, articles, pinned)
            SELECT value ->> 0, value ->> 1, value ->> 2, 0 FROM jsonb_each(@rows) WHERE true
            ON CONFLICT (entity_id, alias) DO UPDATE SET articles = entity_aliases.articles + excluded.articles
            RETURNING entity_id, alias, articles, pinned
            """, "@rows");
        upsert.Set("@rows", rows.ToBlob());
        using var reader = upsert.ExecuteReader();
        while (reader.Read())
        {
            var (entityId, alias) = (reader.GetString(0), reader.GetString(1));
            if (reader.GetInt64(3) == 0 && reader.GetInt64(2) == _aliasArticles[(entityId, alias)]) _terms.Add((entityId, alias, 1));
        }
    }

    /// <summary>
    /// New entities and those given their first Chinese name come back with their stored names, which need search terms
    /// (the entity's own names, not this batch's spelling); an entity seen before is neither rewritten nor returned.
    /// </summary>
    private void WriteEntities(GraphWriter writer)
    {
        var rows = new JsonRows();
        foreach (var (id, type, name) in _entities) rows.Row().Add(id).Add(type).Add(name).Add(_chineseNames.GetValueOrDefault(id));
        var upsert = writer.Prepared("""
            INSERT INTO entities (id, type, name, chinese_name)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM jsonb_each(@rows) WHERE true
            ON CONFLICT (id) DO UPDATE SET chinese_name = excluded.chinese_name
                WHERE entities.chinese_name IS NULL AND excluded.chinese_name IS NOT NULL
            RETURNING id, name, chinese_name
            """, "@rows");
        upsert.Set("@rows", rows.ToBlob());
        using var reader = upsert.ExecuteReader();
        while (reader.Read())
        {
            _terms.Add((reader.GetString(0), reader.GetString(1), 0));
            _terms.Add((reader.GetString(0), reader.GetNullableString(2), 0));
        }
    }

    /// <summary>
    /// A new edge takes its first evidence's values; an edge stored before, or given more than one piece of evidence by
    /// this batch, is brought up to date from its new evidence at the end. The edges already stored are found in the
    /// index on their id alone (it holds the key), so their rows are read and rewritten once per batch, by that update,
    /// instead of also by an upsert: in a large store each of them sits on its own page outside the cache.
    /// </summary>
    private void WriteRelations(GraphWriter writer)
    {
        if (_relations.Count == 0) return;
        var keys = StoredEdgeKeys(writer);
        var stored = keys.Values.ToHashSet();
        var piecesInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in _relations) piecesInBatch[row.Id] = piecesInBatch.GetValueOrDefault(row.Id) + 1;
        InsertNewEdges(writer, keys, piecesInBatch);

        // In the order of the edges' keys, and for one edge in batch order: evidence_once starts with the edge's key, so
        // a stored edge's new evidence goes at the end of its range, one page per edge in a large store; in key order each
        // page is changed once. Only evidence of the same edge is ordered by seq, and that order is kept. Sorted in place
        // with the batch position as the tie-break, which gives a stable sort's order without a sorted copy per batch.
        _relations.Sort((a, b) =>
        {
            var byEdge = keys[a.Id].CompareTo(keys[b.Id]);
            return byEdge != 0 ? byEdge : a.Order.CompareTo(b.Order);
        });
        var evidence = GraphWriter.ChunkedRows();
        foreach (var (id, _, relation, articleKey, evidenceDate, _) in _relations)
        {
            var a = relation.Attributes;
            evidence.Row().Add(keys[id]).Add(articleKey).Add(relation.Evidence.Start).Add(relation.Evidence.End).Add(relation.Evidence.Text)
                .Add(relation.Confidence).Add(evidenceDate).Add(a.Role).Add(a.Amount.ToSql()).Add(a.Amount.ToSqlNumber()).Add(a.Currency)
                .Add(a.Round).Add(a.Lead is null ? null : a.Lead.Value ? 1 : 0).Add(a.Date).Add(a.Product);
        }
        writer.ExecuteStaged("""
            INSERT OR FAIL INTO evidence (relation_key, article_key, span_start, span_end, text, confidence, evidence_date,
                                          role, amount, amount_value, currency, round, lead, attr_date, product)
            SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14 FROM temp.staged_rows
            """, evidence, 15);
        var added = new AddedEvidence();
        foreach (var (id, _, relation, _, evidenceDate, _) in _relations)
        {
            var key = keys[id];
            // A new edge was inserted with all of this batch's evidence counted; a stored one counts it now.
            if (stored.Contains(key)) added.Add(key, relation, evidenceDate, counted: false);
            else if (piecesInBatch[id] > 1) added.Add(key, relation, evidenceDate, counted: true);
        }
        added.ApplyTo(writer);
    }

    /// <summary>The keys of this batch's edges that are stored already (a covering read of the index on the id).</summary>
    private Dictionary<string, long> StoredEdgeKeys(GraphWriter writer)
    {
        var ids = SqlExtensions.JsonList(_relations.Select(r => r.Id).Distinct(StringComparer.Ordinal));
        var lookup = writer.Prepared("SELECT id, key FROM relations WHERE id IN (SELECT value FROM json_each(@ids))", "@ids");
        lookup.Set("@ids", ids);
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = lookup.ExecuteReader();
        while (reader.Read()) keys[reader.GetString(0)] = reader.GetInt64(1);
        return keys;
    }

    /// <summary>
    /// Inserts each edge not stored yet once, with its first evidence's values and the number of pieces of evidence the
    /// batch gives it, ordered by their ends, and adds their keys to <paramref name="keys"/>.
    /// </summary>
    private void InsertNewEdges(GraphWriter writer, Dictionary<string, long> keys, Dictionary<string, int> piecesInBatch)
    {
        // By (subject, object), then batch position: relations_out takes each new edge in its subject's range, one page per
        // edge in a large store, and in this order each of those pages is changed once. Edges between the same two entities
        // keep their batch order, and with it the order of their keys, which breaks ties between them in a neighbourhood.
        // Sorted in place (the batch position makes the order total), not through a sorted copy.
        _relations.Sort((a, b) =>
        {
            var bySubject = string.CompareOrdinal(a.Key.SubjectId, b.Key.SubjectId);
            if (bySubject != 0) return bySubject;
            var byObject = string.CompareOrdinal(a.Key.ObjectId, b.Key.ObjectId);
            return byObject != 0 ? byObject : a.Order.CompareTo(b.Order);
        });
        var edges = GraphWriter.ChunkedRows();
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, key, relation, _, evidenceDate, _) in _relations)
        {
            if (keys.ContainsKey(id) || !inserted.Add(id)) continue;
            var a = relation.Attributes;
            edges.Row().Add(id).Add(key.Type).Add(key.SubjectId).Add(key.ObjectId).Add(relation.Confidence)
                .Add(a.Role).Add(a.Amount.ToSql()).Add(a.Amount.ToSqlNumber()).Add(a.Currency).Add(a.Round)
                .Add(a.Lead is null ? null : a.Lead.Value ? 1 : 0).Add(a.Date).Add(a.Product).Add(evidenceDate).Add(piecesInBatch[id]);
        }
        if (!writer.Stage(edges, 15)) return;
        var insert = writer.Prepared("""
            INSERT OR FAIL INTO relations (id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
                                           attr_date, product, first_date, last_date, evidence_count)
            SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c13, c14 FROM temp.staged_rows
            RETURNING id, key, subject_id, object_id, type
            """);
        var newEdges = new EdgeChanges();
        using (var reader = insert.ExecuteReader())
        {
            while (reader.Read())
            {
                keys[reader.GetString(0)] = reader.GetInt64(1);
                newEdges.EdgeAdded(reader.GetString(4), reader.GetString(2), reader.GetString(3));
            }
        }
        writer.Unstage();
        writer.Apply(newEdges);
    }

}

/// <summary>One piece of evidence for an edge, as the batch will store it; <paramref name="Order"/> is its position in the batch.</summary>
internal readonly record struct RelationRow(string Id, RelationKey Key, ExtractedRelation Relation, long ArticleKey, string? EvidenceDate, int Order);
