using System.Text.Json;
using KnowledgeGraph.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<GraphEntity> MergeEntitiesAsync(string keepId, string dropId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keepId);
        ArgumentNullException.ThrowIfNull(dropId);
        await WriteAsync(writer =>
        {
            EntityMerger.Merge(writer, keepId, dropId);
            return true;
        }, cancellationToken);
        return (await GetEntitiesAsync([keepId], cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<GraphEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await ReadAsync(cancellationToken);
        var found = await LoadEntitiesAsync(connection, ids, cancellationToken);
        return [.. ids.Distinct(StringComparer.Ordinal).Where(found.ContainsKey).Select(id => found[id])];
    }

    private static async Task<Dictionary<string, GraphEntity>> LoadEntitiesAsync(ReadSession connection, IEnumerable<string> ids,
        CancellationToken cancellationToken)
    {
        var json = SqlExtensions.JsonList(ids);
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var reader = await connection.Command("""
                         SELECT entity_id, alias FROM entity_aliases
                         WHERE entity_id IN (SELECT value FROM json_each(@ids)) ORDER BY entity_id, alias
                         """).With("@ids", json).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!aliases.TryGetValue(reader.GetString(0), out var list)) aliases[reader.GetString(0)] = list = [];
                list.Add(reader.GetString(1));
            }
        }
        var entities = new Dictionary<string, GraphEntity>(StringComparer.Ordinal);
        await using (var reader = await connection.Command("""
                         SELECT e.id, e.type, e.name, e.chinese_name, e.degree
                         FROM entities e WHERE e.id IN (SELECT value FROM json_each(@ids))
                         """).With("@ids", json).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                entities[id] = new GraphEntity(id, reader.GetString(1), reader.GetString(2), reader.GetNullableString(3),
                    aliases.TryGetValue(id, out var list) ? list : [], reader.GetInt32(4));
            }
        }
        return entities;
    }

    public async Task<Page<GraphEntity>> SearchEntitiesAsync(EntitySearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        PageCursor.CheckPageSize(page);
        var after = PageCursor.Decode(page.After, "entities", JsonValueKind.Number, JsonValueKind.String);
        var text = NameSearch.Fold(search.Text ?? "");
        var substring = NameSearch.IsSubstringQuery(text);
        // Rank: 0 a name, 1 an alias, 2 a prefix of either, 3 a substring (non-ASCII queries) or a later word's prefix (others).
        var matches = text.Length == 0
            ? "best (entity_id, rank) AS (SELECT id, 0 FROM entities)"
            : """
              matches (entity_id, rank) AS (
                  SELECT entity_id, CASE WHEN term = @q THEN rank ELSE 2 END FROM entity_terms WHERE term >= @q AND term < @q_end
                  UNION ALL
                  SELECT entity_id, 3 FROM term_grams
                  WHERE gram = (SELECT value FROM json_each(@grams) ORDER BY (SELECT count(*) FROM term_grams t WHERE t.gram = value) LIMIT 1)
                    AND instr(term, @q) > 0
                  UNION ALL
                  SELECT entity_id, 3 FROM term_words WHERE @by_words AND word >= @q AND word < @q_end),
              best (entity_id, rank) AS (SELECT entity_id, min(rank) FROM matches GROUP BY entity_id)
              """;
        var filter = new SqlFilter()
            .Add("1 = 1", ("@q", text), ("@q_end", SearchText.PrefixEnd(text)),
                ("@grams", SqlExtensions.JsonList(text.Length > 0 && substring ? SearchText.LookupGrams(text) : [])),
                ("@by_words", NameSearch.WordStartPatterns(text).Count > 0 && !substring))
            .AddIf(search.Types is { Count: > 0 }, "e.type IN (SELECT value FROM json_each(@types))", ("@types", Json(search.Types)));
        var keyset = after is null ? filter : filter.With("(b.rank > @after_rank OR (b.rank = @after_rank AND b.entity_id > @after_id))",
            ("@after_rank", after[0].GetInt32()), ("@after_id", after[1].GetString()));
        var from = $"WITH {matches} SELECT {{0}} FROM best b JOIN entities e ON e.id = b.entity_id";

        await using var connection = await ReadAsync(cancellationToken);
        var total = await CountAsync(connection, filter, string.Format(from, "count(*)"), cancellationToken);
        var rows = new List<(string Id, int Rank)>();
        await using (var reader = await keyset.Bind(connection.Command(
                             $"{string.Format(from, "b.entity_id, b.rank")} {keyset.Where} ORDER BY b.rank, b.entity_id LIMIT @limit"))
                         .With("@limit", page.First + 1).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        var entities = await LoadEntitiesAsync(connection, rows.Select(r => r.Id), cancellationToken);
        var items = rows.Take(page.First)
            .Select(r => new PageItem<GraphEntity>(PageCursor.Encode("entities", r.Rank, r.Id), entities[r.Id])).ToList();
        return new Page<GraphEntity>(items, rows.Count > page.First, total);
    }

    public async Task<Page<GraphRelation>> FindRelationsAsync(RelationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        PageCursor.CheckPageSize(page);
        var after = PageCursor.Decode(page.After, "relations", JsonValueKind.String);
        var parties = filter.Direction switch
        {
            Direction.Outgoing => "r.subject_id IN (SELECT value FROM json_each(@parties))",
            Direction.Incoming => "r.object_id IN (SELECT value FROM json_each(@parties))",
            _ => "(r.subject_id IN (SELECT value FROM json_each(@parties)) OR r.object_id IN (SELECT value FROM json_each(@parties)))",
        };
        var where = new SqlFilter()
            .AddIf(filter.Types is { Count: > 0 }, "r.type IN (SELECT value FROM json_each(@types))", ("@types", Json(filter.Types)))
            .AddIf(filter.EntityIds is { Count: > 0 }, parties, ("@parties", Json(filter.EntityIds)))
            .AddIf(filter.From is not null, SqlFilter.DateAtLeast("r.last_date", "@from"), ("@from", filter.From))
            .AddIf(filter.To is not null, SqlFilter.DateAtMost("r.first_date", "@to"), ("@to", filter.To))
            .AddIf(filter.MinAmount is not null, "r.amount_value >= @min_amount", ("@min_amount", filter.MinAmount.ToSqlNumber()))
            .AddIf(filter.MaxAmount is not null, "r.amount_value <= @max_amount", ("@max_amount", filter.MaxAmount.ToSqlNumber()))
            .AddIf(filter.MinConfidence is not null, "r.confidence >= @min_confidence", ("@min_confidence", filter.MinConfidence));
        var keyset = after is null ? where : where.With("r.id > @after", ("@after", after[0].GetString()));

        await using var connection = await ReadAsync(cancellationToken);
        // Filtered by type alone, the total is the stored count of those types, not a scan of every edge.
        var byTypeAlone = filter.Types is { Count: > 0 } && where.Count == 1;
        var total = await CountAsync(connection, where,
            byTypeAlone ? "SELECT coalesce(sum(r.relations), 0) FROM relation_type_counts r" : "SELECT count(*) FROM relations r", cancellationToken);
        var rows = new List<GraphRelation>();
        await using (var reader = await keyset.Bind(connection.Command(
                             $"SELECT {GraphRows.RelationColumns} FROM relations r {keyset.Where} ORDER BY r.id LIMIT @limit"))
                         .With("@limit", page.First + 1).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add(GraphRows.ReadRelation(reader));
        }
        var items = rows.Take(page.First).Select(r => new PageItem<GraphRelation>(PageCursor.Encode("relations", r.Id), r)).ToList();
        return new Page<GraphRelation>(items, rows.Count > page.First, total);
    }

    public async Task<Page<GraphDeal>> FindDealsAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        PageCursor.CheckPageSize(page);
        var after = PageCursor.Decode(page.After, "deals", JsonValueKind.String);
        var where = new SqlFilter()
            .AddIf(filter.Kinds is { Count: > 0 }, "d.kind IN (SELECT value FROM json_each(@kinds))", ("@kinds", Json(filter.Kinds)))
            .AddIf(filter.PartyIds is { Count: > 0 },
                "EXISTS (SELECT 1 FROM deal_parties p WHERE p.deal_key = d.key AND p.entity_id IN (SELECT value FROM json_each(@parties)))",
                ("@parties", Json(filter.PartyIds)))
            .AddIf(filter.From is not null, SqlFilter.DateAtLeast("d.filter_date", "@from"), ("@from", filter.From))
            .AddIf(filter.To is not null, SqlFilter.DateAtMost("d.filter_date", "@to"), ("@to", filter.To))
            .AddIf(filter.MinAmount is not null, "d.amount_value >= @min_amount", ("@min_amount", filter.MinAmount.ToSqlNumber()))
            .AddIf(filter.MaxAmount is not null, "d.amount_value <= @max_amount", ("@max_amount", filter.MaxAmount.ToSqlNumber()))
            .AddIf(filter.MinConfidence is not null, "d.confidence >= @min_confidence", ("@min_confidence", filter.MinConfidence));
        var keyset = after is null ? where : where.With("d.id > @after", ("@after", after[0].GetString()));

        await using var connection = await ReadAsync(cancellationToken);
        var total = await CountAsync(connection, where, "SELECT count(*) FROM deals d", cancellationToken);
        var rows = new List<(string Id, string Kind, decimal? Amount, string? Currency, string? Round, string? Date, double Confidence,
            string ArticleId, TextSpan Evidence)>();
        await using (var reader = await keyset.Bind(connection.Command($"""
                             SELECT d.id, d.kind, d.amount, d.currency, d.round, d.date, d.confidence,
                                    (SELECT a.id FROM articles a WHERE a.key = d.article_key), d.span_start, d.span_end, d.text
                             FROM deals d {keyset.Where} ORDER BY d.id LIMIT @limit
                             """)).With("@limit", page.First + 1).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetNullableDecimal(2), reader.GetNullableString(3),
                    reader.GetNullableString(4), reader.GetNullableString(5), reader.GetDouble(6), reader.GetString(7),
                    new TextSpan(reader.GetInt32(8), reader.GetInt32(9), reader.GetString(10))));
            }
        }
        var parties = new Dictionary<string, List<DealParty>>(StringComparer.Ordinal);
        await using (var reader = await connection.Command("""
                         SELECT d.id, p.entity_id, p.role FROM deals d JOIN deal_parties p ON p.deal_key = d.key
                         WHERE d.id IN (SELECT value FROM json_each(@ids)) ORDER BY d.id, p.ordinal
                         """).With("@ids", SqlExtensions.JsonList(rows.Select(r => r.Id))).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!parties.TryGetValue(reader.GetString(0), out var list)) parties[reader.GetString(0)] = list = [];
                list.Add(new DealParty(reader.GetString(1), reader.GetString(2)));
            }
        }
        var items = rows.Take(page.First).Select(r => new PageItem<GraphDeal>(PageCursor.Encode("deals", r.Id),
            new GraphDeal(r.Id, r.Kind, parties.TryGetValue(r.Id, out var list) ? list : [], r.Amount, r.Currency, r.Round, r.Date,
                r.Confidence, r.ArticleId, r.Evidence))).ToList();
        return new Page<GraphDeal>(items, rows.Count > page.First, total);
    }

    public async Task<Page<GraphArticle>> FindArticlesAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        PageCursor.CheckPageSize(page);
        var after = PageCursor.Decode(page.After, "articles", JsonValueKind.String, JsonValueKind.String);
        var where = new SqlFilter()
            .AddIf(filter.EntityId is not null,
                "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = @entity AND ae.article_key = a.key)", ("@entity", filter.EntityId))
            .AddIf(filter.PublishedFrom is not null, "a.published_key >= @from", ("@from", ArticleIngester.PublishedKey(filter.PublishedFrom)))
            .AddIf(filter.PublishedTo is not null, "a.published_key <> '' AND a.published_key <= @to", ("@to", ArticleIngester.PublishedKey(filter.PublishedTo)));
        // Newest first; articles without a date ('' key) come last.
        var keyset = after is null ? where : where.With("(a.published_key < @after_key OR (a.published_key = @after_key AND a.id > @after_id))",
            ("@after_key", after[0].GetString()), ("@after_id", after[1].GetString()));

        await using var connection = await ReadAsync(cancellationToken);
        var total = await CountAsync(connection, where, "SELECT count(*) FROM articles a", cancellationToken);
        var rows = new List<(GraphArticle Article, string Key)>();
        await using (var reader = await keyset.Bind(connection.Command(
                             $"SELECT {GraphRows.ArticleColumns} FROM articles a {keyset.Where} ORDER BY a.published_key DESC, a.id LIMIT @limit"))
                         .With("@limit", page.First + 1).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add((GraphRows.ReadArticle(reader), reader.GetString(8)));
        }
        var items = rows.Take(page.First)
            .Select(r => new PageItem<GraphArticle>(PageCursor.Encode("articles", r.Key, r.Article.Id), r.Article)).ToList();
        return new Page<GraphArticle>(items, rows.Count > page.First, total);
    }

    public async Task<IReadOnlyList<Evidence>> GetEvidenceAsync(IReadOnlyCollection<string> relationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relationIds);
        await using var connection = await ReadAsync(cancellationToken);
        await using var reader = await connection.Command("""
            SELECT r.id, a.id, a.title, a.published_at, ev.span_start, ev.span_end, ev.text, ev.confidence
            FROM relations r JOIN evidence ev ON ev.relation_key = r.key JOIN articles a ON a.key = ev.article_key
            WHERE r.id IN (SELECT value FROM json_each(@ids))
            ORDER BY r.id, ev.evidence_date, ev.seq
            """).With("@ids", SqlExtensions.JsonList(relationIds)).ExecuteReaderAsync(cancellationToken);
        var evidence = new List<Evidence>();
        while (await reader.ReadAsync(cancellationToken))
        {
            evidence.Add(new Evidence(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2),
                GraphRows.ParsePublished(reader.GetNullableString(3)),
                new TextSpan(reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6)), reader.GetDouble(7)));
        }
        return evidence;
    }

    public async Task<GraphStats> GetStatsAsync(int topEntities, CancellationToken cancellationToken = default)
    {
        if (topEntities < 0 || topEntities > PageRequest.MaxPageSize)
            throw new GraphQueryException("BAD_ARGUMENT", $"topEntities {topEntities} is outside 0..{PageRequest.MaxPageSize}");
        await using var connection = await ReadAsync(cancellationToken);
        var articles = await ScalarAsync(connection, "SELECT count(*) FROM articles", cancellationToken);
        var deals = await ScalarAsync(connection, "SELECT count(*) FROM deals", cancellationToken);
        var entityTypes = await TypeCountsAsync(connection, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type", cancellationToken);
        var relationTypes = await TypeCountsAsync(connection,
            "SELECT type, relations FROM relation_type_counts WHERE relations > 0 ORDER BY type", cancellationToken);
        var top = new List<string>();
        await using (var reader = await connection.Command("""
                         SELECT id FROM entities WHERE degree > 0 ORDER BY degree DESC, id LIMIT @top
                         """).With("@top", topEntities).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) top.Add(reader.GetString(0));
        }
        var entities = await LoadEntitiesAsync(connection, top, cancellationToken);
        return new GraphStats(articles, deals, entityTypes, relationTypes, [.. top.Select(id => entities[id])]);
    }

    private static async Task<List<TypeCount>> TypeCountsAsync(ReadSession connection, string sql, CancellationToken cancellationToken)
    {
        var counts = new List<TypeCount>();
        await using var reader = await connection.Command(sql).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts.Add(new TypeCount(reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }

    private static async Task<long> ScalarAsync(ReadSession connection, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command(sql).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> CountAsync(ReadSession connection, SqlFilter filter, string select, CancellationToken cancellationToken) =>
        Convert.ToInt64(await filter.Bind(connection.Command($"{select} {filter.Where}")).ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    private static string? Json(IReadOnlyCollection<string>? values) => values is null ? null : SqlExtensions.JsonList(values);
}
