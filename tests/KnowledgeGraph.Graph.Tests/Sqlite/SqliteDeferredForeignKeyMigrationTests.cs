using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// A database written under schema version 8 (foreign keys checked at each statement) opened by today's store, which
/// checks those of the tables a batch writes most at commit: every row of those tables is carried over unchanged, keys
/// included, deleting an article still takes what it contributed along, and a row that refers to nothing still fails
/// its whole transaction.
/// </summary>
public sealed class SqliteDeferredForeignKeyMigrationTests : IDisposable
{
    private static readonly string[] MigratedTables = ["article_entities", "mentions", "relations", "evidence", "deals", "deal_parties"];
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_8_database_keeps_every_row_and_defers_its_foreign_keys_after_migrating()
    {
        var first = Article("https://news.test/first").Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi)
            .Investment(Ids.Microsoft, Ids.Inflection, 1_300_000_000m);
        var second = Article("https://news.test/second").Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.95)
            .Investment(Ids.OpenAi, Ids.Inflection);
        using (var connection = Open())
        {
            SchemaMigrator.Apply(connection, upToVersion: 8);
        }
        await using (var version8 = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath }))
        {
            await version8.IngestAsync([first.Build()]);
            await version8.IngestAsync([second.Build()]);
        }
        var before = MigratedTables.ToDictionary(t => t, Dump);
        Assert.All(before.Values, rows => Assert.NotEmpty(rows));

        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
        foreach (var table in MigratedTables) Assert.Equal(before[table], Dump(table));
        // Eleven references in the six tables, every one of them deferred.
        Assert.Equal(["11|11"], Read("""
            SELECT sum((length(sql) - length(replace(sql, 'REFERENCES', ''))) / length('REFERENCES')),
                   sum((length(sql) - length(replace(sql, 'DEFERRABLE INITIALLY DEFERRED', ''))) / length('DEFERRABLE INITIALLY DEFERRED'))
            FROM sqlite_schema WHERE type = 'table' AND name IN ('article_entities', 'mentions', 'relations', 'evidence', 'deals', 'deal_parties')
            """, allColumns: true));
        Assert.Equal(["ok"], Read("PRAGMA integrity_check"));
        Assert.Empty(Read("PRAGMA foreign_key_check"));

        // Deleting an article still cascades into the rebuilt tables; what the other article states stays.
        Assert.True(await store.DeleteArticleAsync(second.Id));
        Assert.Equal(["0"], Read("SELECT count(*) FROM evidence e JOIN articles a ON a.key = e.article_key WHERE a.id <> @id", id: first.Id));
        Assert.Equal(["1"], Read("SELECT count(DISTINCT article_key) FROM mentions"));
        Assert.Equal(["1"], Read("SELECT count(*) FROM deals"));
        var partnership = Assert.Single((await store.FindRelationsAsync(new RelationFilter(Types: ["PARTNERED_WITH"]), new PageRequest())).Items).Node;
        Assert.Equal(1, partnership.EvidenceCount);

        // Later batches write into the rebuilt tables as before.
        await store.IngestAsync([second.Build()]);
        Assert.Equal(2, (await store.FindDealsAsync(new DealFilter(PartyIds: [Ids.Inflection]), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task A_row_that_refers_to_nothing_fails_its_transaction_at_commit_and_leaves_nothing()
    {
        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();
        await store.IngestAsync([Article("https://news.test/kept").Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Build()]);
        var mentionsBefore = Read("SELECT count(*) FROM mentions");

        using (var connection = Open())
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            connection.Command("INSERT OR FAIL INTO mentions VALUES (1, 'org:nobody', 0, 3, 'Nobody')", transaction).ExecuteNonQuery();
            var error = Assert.Throws<SqliteException>(transaction.Commit);
            Assert.Contains("FOREIGN KEY", error.Message);
        }

        Assert.Equal(mentionsBefore, Read("SELECT count(*) FROM mentions"));
        Assert.Empty(Read("PRAGMA foreign_key_check"));
    }

    private static TestArticle Article(string url) => TestArticle.AtUrl(url).WithMicrosoft().WithOpenAi().WithInflection();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        return connection;
    }

    /// <summary>Every row of <paramref name="table"/>, columns joined, in ordinal order.</summary>
    private List<string> Dump(string table) => [.. Read($"SELECT * FROM {table}", allColumns: true).Order(StringComparer.Ordinal)];

    private List<string> Read(string sql, bool allColumns = false, string? id = null)
    {
        using var connection = Open();
        using var command = connection.Command(sql);
        if (id is not null) command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            var columns = allColumns ? reader.FieldCount : 1;
            values.Add(string.Join("|", Enumerable.Range(0, columns).Select(i =>
                Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return values;
    }
}
