using System.Globalization;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// Everything that changes the graph, inside one open write transaction. Commands are prepared once per
/// transaction and re-executed with new values. Aggregates and search terms of what was touched are brought up to
/// date by <see cref="Finish"/>, once, before the caller commits.
/// </summary>
internal sealed class GraphWriter(SqliteConnection connection, SqliteTransaction transaction, OntologySchema ontology) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<long> _relationsToRecompute = [];
    private readonly HashSet<string> _entitiesToReindex = new(StringComparer.Ordinal);
    private bool _staging;

    public OntologySchema Ontology => ontology;

    /// <summary>A command prepared on first use in this transaction and reused afterwards.</summary>
    public SqliteCommand Prepared(string sql, params string[] parameters)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        command = connection.Command(sql, transaction).Declare(parameters);
        _commands.Add(sql, command);
        return command;
    }

    public SqliteCommand OneOff(string sql) => connection.Command(sql, transaction);

    public void RecomputeLater(long relationKey) => _relationsToRecompute.Add(relationKey);

    public void ReindexLater(string entityId) => _entitiesToReindex.Add(entityId);

    public void ReindexAllEntities()
    {
        using var reader = OneOff("SELECT id FROM entities").ExecuteReader();
        while (reader.Read()) _entitiesToReindex.Add(reader.GetString(0));
    }

    /// <summary>Removes an article with everything it contributed, then what nothing else supports any more.</summary>
    public bool RemoveArticle(string articleId)
    {
        var lookup = Prepared("SELECT key FROM articles WHERE id = @id", "@id");
        lookup.Set("@id", articleId);
        if (lookup.ExecuteScalar() is not long key) return false;
        var relationKeys = ReadKeys("SELECT DISTINCT relation_key FROM evidence WHERE article_key = @key", key);
        var entityIds = ReadStrings("SELECT entity_id FROM article_entities WHERE article_key = @key", key);
        // The article's alias lists go with it (cascade), so they are counted down first.
        Execute("""
            UPDATE entity_aliases SET articles = articles - 1
            WHERE (entity_id, alias) IN (SELECT ae.entity_id, j.value FROM article_entities ae, json_each(ae.aliases) j
                                         WHERE ae.article_key = @key)
            """, key);
        Execute("DELETE FROM articles WHERE key = @key", key);
        OneOff("""
            DELETE FROM entity_aliases
            WHERE entity_id IN (SELECT value FROM json_each(@ids)) AND articles = 0 AND pinned = 0
            """).With("@ids", SqlExtensions.JsonList(entityIds)).ExecuteNonQuery();

        var removed = new EdgeChanges();
        using (var reader = OneOff("""
                   DELETE FROM relations
                   WHERE key IN (SELECT value FROM json_each(@keys))
                     AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.relation_key = relations.key)
                   RETURNING type, subject_id, object_id
                   """).With("@keys", SqlExtensions.JsonList(relationKeys)).ExecuteReader())
        {
            while (reader.Read()) removed.EdgeRemoved(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
        Apply(removed);
        _relationsToRecompute.UnionWith(relationKeys);
        OneOff("""
            DELETE FROM entities
            WHERE id IN (SELECT value FROM json_each(@ids))
              AND NOT EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = entities.id)
            """).With("@ids", SqlExtensions.JsonList(entityIds)).ExecuteNonQuery();
        foreach (var id in entityIds) _entitiesToReindex.Add(id);
        return true;
    }

    /// <summary>
    /// Applies degree and type count changes at once rather than at <see cref="Finish"/>: a replaced article may delete
    /// an entity and write it again, with degree 0, later in the same transaction.
    /// </summary>
    public void Apply(EdgeChanges changes)
    {
        ExecuteRows("""
            UPDATE entities SET degree = degree + c.change
            FROM (SELECT value ->> 0 AS id, value ->> 1 AS change FROM jsonb_each(@rows)) AS c
            WHERE entities.id = c.id
            """, changes.DegreeRows());
        ExecuteRows("""
            INSERT INTO relation_type_counts (type, relations)
            SELECT value ->> 0, value ->> 1 FROM jsonb_each(@rows) WHERE true
            ON CONFLICT (type) DO UPDATE SET relations = relation_type_counts.relations + excluded.relations
            """, changes.TypeRows());
    }

    /// <summary>Counts the degrees of these entities again from their edges, for changes that move edges wholesale.</summary>
    public void RecountDegrees(IEnumerable<string> entityIds) =>
        OneOff("""
            UPDATE entities SET degree = (SELECT count(*) FROM relations r WHERE r.subject_id = entities.id)
                                       + (SELECT count(*) FROM relations r WHERE r.object_id = entities.id)
            WHERE id IN (SELECT value FROM json_each(@ids))
            """).With("@ids", SqlExtensions.JsonList(entityIds)).ExecuteNonQuery();

    private void Execute(string sql, long articleKey)
    {
        var command = Prepared(sql, "@key");
        command.Set("@key", articleKey);
        command.ExecuteNonQuery();
    }

    public void Finish()
    {
        RecomputeRelations();
        ReindexEntities();
    }

    /// <summary>
    /// Derives each touched edge from its evidence: highest confidence, earliest and latest date, and each attribute
    /// from the most confident evidence that states it (ties: the earliest stored).
    /// </summary>
    private void RecomputeRelations()
    {
        if (_relationsToRecompute.Count == 0) return;
        OneOff($"""
            UPDATE relations SET
                confidence = (SELECT max(e.confidence) FROM evidence e WHERE e.relation_key = relations.key),
                evidence_count = (SELECT count(*) FROM evidence e WHERE e.relation_key = relations.key),
                first_date = (SELECT min(e.evidence_date) FROM evidence e WHERE e.relation_key = relations.key),
                last_date = (SELECT max(e.evidence_date) FROM evidence e WHERE e.relation_key = relations.key),
                {Strongest("role")}, {Strongest("amount")}, {Strongest("amount_value", "amount")}, {Strongest("currency")},
                {Strongest("round")}, {Strongest("lead")}, {Strongest("attr_date")}, {Strongest("product")}
            WHERE key IN (SELECT value FROM json_each(@keys))
            """).With("@keys", SqlExtensions.JsonList(_relationsToRecompute)).ExecuteNonQuery();
        _relationsToRecompute.Clear();
    }

    // Column names here are fixed identifiers of this file, never values.
    private static string Strongest(string column, string? presentWhen = null) =>
        $"{column} = (SELECT e.{column} FROM evidence e WHERE e.relation_key = relations.key AND e.{presentWhen ?? column} IS NOT NULL " +
        "ORDER BY e.confidence DESC, e.seq LIMIT 1)";

    private void ReindexEntities()
    {
        if (_entitiesToReindex.Count == 0) return;
        var json = SqlExtensions.JsonList(_entitiesToReindex);
        OneOff("DELETE FROM entity_terms WHERE entity_id IN (SELECT value FROM json_each(@ids))").With("@ids", json).ExecuteNonQuery();
        OneOff("DELETE FROM term_grams WHERE entity_id IN (SELECT value FROM json_each(@ids))").With("@ids", json).ExecuteNonQuery();
        OneOff("DELETE FROM term_words WHERE entity_id IN (SELECT value FROM json_each(@ids))").With("@ids", json).ExecuteNonQuery();

        var terms = new List<(string EntityId, string? Text, int Rank)>();
        using (var reader = OneOff("SELECT id, name, chinese_name FROM entities WHERE id IN (SELECT value FROM json_each(@ids))")
                   .With("@ids", json).ExecuteReader())
        {
            while (reader.Read())
            {
                terms.Add((reader.GetString(0), reader.GetString(1), 0));
                terms.Add((reader.GetString(0), reader.GetNullableString(2), 0));
            }
        }
        using (var reader = OneOff("SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(@ids))")
                   .With("@ids", json).ExecuteReader())
        {
            while (reader.Read()) terms.Add((reader.GetString(0), reader.GetString(1), 1));
        }
        AddTerms(terms);
        _entitiesToReindex.Clear();
    }

    /// <summary>
    /// Adds search terms (rank 0 for names, 1 for aliases; the lower rank wins) and the grams and later word starts of
    /// every term that is new, so an entity seen again with the same names costs one lookup per name and nothing more.
    /// </summary>
    public void AddTerms(IEnumerable<(string EntityId, string? Text, int Rank)> terms)
    {
        var best = new Dictionary<(string, string), int>();
        foreach (var (entityId, text, rank) in terms)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var key = (entityId, NameSearch.Fold(text));
            best[key] = best.TryGetValue(key, out var existing) ? Math.Min(existing, rank) : rank;
        }
        if (best.Count == 0) return;
        var rows = new JsonRows();
        foreach (var ((entityId, term), rank) in best) rows.Row().Add(term).Add(entityId).Add(rank);
        var upsert = Prepared("""
            INSERT INTO entity_terms (term, entity_id, rank)
            SELECT value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(@rows) WHERE true
            ON CONFLICT (term, entity_id) DO UPDATE SET rank = excluded.rank WHERE excluded.rank < entity_terms.rank
            RETURNING entity_id, term
            """, "@rows");
        upsert.Set("@rows", rows.ToBlob());
        var grams = ChunkedRows();
        var words = ChunkedRows();
        using (var reader = upsert.ExecuteReader())
        {
            while (reader.Read())
            {
                var (entityId, term) = (reader.GetString(0), reader.GetString(1));
                foreach (var gram in SearchText.Grams(term)) grams.Row().Add(gram).Add(entityId).Add(term);
                foreach (var word in NameSearch.LaterWordStarts(term)) words.Row().Add(word).Add(entityId).Add(term);
            }
        }
        ExecuteRows("INSERT OR IGNORE INTO term_grams (gram, entity_id, term) SELECT value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(@rows)", grams);
        ExecuteRows("INSERT OR IGNORE INTO term_words (word, entity_id, term) SELECT value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(@rows)", words);
    }

    /// <summary>
    /// Runs a set-based statement over <paramref name="rows"/> (read in SQL as <c>jsonb_each(@rows)</c>), if there are
    /// any, once per chunk: the statement must mean the same for its rows taken together or a chunk at a time.
    /// </summary>
    private void ExecuteRows(string sql, JsonRows rows)
    {
        if (rows.Count == 0) return;
        var command = Prepared(sql, "@rows");
        foreach (var blob in rows.ToBlobs())
        {
            command.Set("@rows", blob);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The most columns a staged row has (evidence and new edges).</summary>
    public const int MaxStagedColumns = 15;

    /// <summary>
    /// Rows for a statement that takes them a chunk at a time (<see cref="Stage"/>, <see cref="ExecuteRows"/>), in
    /// chunks of 32 KB: each blob, SQLite's copy of it and the buffer it was written in then stay below the
    /// collector's large-object threshold (85,000 bytes) and are reclaimed while the batch is still being written.
    /// </summary>
    public static JsonRows ChunkedRows() => JsonRows.InChunks(32 * 1024);

    /// <summary>
    /// Runs <paramref name="sql"/>, which reads the rows from <c>temp.staged_rows</c> (columns <c>c0</c>, <c>c1</c> ...),
    /// after putting <paramref name="rows"/> there; see <see cref="Stage"/>.
    /// </summary>
    public void ExecuteStaged(string sql, JsonRows rows, int columns)
    {
        if (!Stage(rows, columns)) return;
        Prepared(sql).ExecuteNonQuery();
        Unstage();
    }

    /// <summary>
    /// Copies <paramref name="rows"/> into <c>temp.staged_rows</c> (false if there are none), for a statement that
    /// inserts them into a large table; <see cref="Unstage"/> empties it again. Why: SQLite keeps a statement journal,
    /// the old image of every page a multi-row statement changes, for any statement that may stop half-way, and one
    /// that calls a function (such as <c>-&gt;&gt;</c>, reading a column out of <c>jsonb_each</c>) may. In a large
    /// store each row of these tables lands on a page written long ago, so the journal took a page per row:
    /// about 300 MB per 1,000-article batch onto 100,000 articles, against some 15 MB on a new store
    /// (docs/benchmarks.md, session 13). A statement that only copies columns from the staging table, resolves
    /// conflicts with FAIL or IGNORE and whose table checks its foreign keys at commit (schema version 9) cannot stop
    /// half-way, so it keeps none; a failed statement still fails the whole batch, whose transaction is rolled back.
    /// The staging table holds one statement's rows at a time (a megabyte or two), so its own journal stays small;
    /// they are copied in chunk by chunk (<see cref="ChunkedRows"/>), each chunk with its own execution of the same statement.
    /// </summary>
    public bool Stage(JsonRows rows, int columns)
    {
        if (rows.Count == 0) return false;
        if (columns is < 1 or > MaxStagedColumns) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"1 to {MaxStagedColumns} columns");
        if (!_staging)
        {
            OneOff($"CREATE TEMP TABLE IF NOT EXISTS staged_rows ({string.Join(", ", Enumerable.Range(0, MaxStagedColumns).Select(c => $"c{c}"))})")
                .ExecuteNonQuery();
            _staging = true;
        }
        var columnList = string.Join(", ", Enumerable.Range(0, columns).Select(c => $"c{c}"));
        var values = string.Join(", ", Enumerable.Range(0, columns).Select(c => $"value ->> {c}"));
        var stage = Prepared($"INSERT INTO temp.staged_rows ({columnList}) SELECT {values} FROM jsonb_each(@rows)", "@rows");
        foreach (var blob in rows.ToBlobs())
        {
            stage.Set("@rows", blob);
            stage.ExecuteNonQuery();
        }
        return true;
    }

    public void Unstage() => Prepared("DELETE FROM temp.staged_rows").ExecuteNonQuery();

    private List<string> ReadStrings(string sql, long articleKey)
    {
        var command = Prepared(sql, "@key");
        command.Set("@key", articleKey);
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private List<long> ReadKeys(string sql, long articleKey)
    {
        var command = Prepared(sql, "@key");
        command.Set("@key", articleKey);
        var values = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) values.Add(reader.GetInt64(0));
        return values;
    }

    public static string? DayOf(DateTime? publishedAt) =>
        publishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
