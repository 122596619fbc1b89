using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using KnowledgeGraph.Ontology;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// A database written under schema version 6 (edges of each type counted through the relations_by_type index) opened
/// by today's store, which counts them in relation_type_counts instead: the counts start from the edges there are and
/// follow later deletions and ingests, and the edges keep their values and evidence.
/// </summary>
public sealed class SqliteTypeCountMigrationTests : IDisposable
{
    private const string First = "a:first-article";
    private const string Second = "a:second-article";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_6_database_counts_its_edges_by_type_after_migrating()
    {
        var partnership = RelationKey.Of(OntologySchema.Default, "PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Id;
        var investment = RelationKey.Of(OntologySchema.Default, "INVESTED_IN", Ids.Microsoft, Ids.Inflection).Id;
        WriteVersion6Database(partnership, investment);

        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
        var indexes = ReadIndexNames();
        Assert.Contains("relations_out", indexes);
        Assert.DoesNotContain("relations_by_type", indexes);
        Assert.Equal([new TypeCount("INVESTED_IN", 1), new TypeCount("PARTNERED_WITH", 1)], (await store.GetStatsAsync(0)).RelationsByType);
        var partnerships = await store.FindRelationsAsync(new RelationFilter(Types: ["PARTNERED_WITH"]), new PageRequest());
        Assert.Equal(1, partnerships.TotalCount);
        var edge = Assert.Single(partnerships.Items).Node;
        Assert.Equal((partnership, 0.9, "2024-03-01", "2024-03-02", 2), (edge.Id, edge.Confidence, edge.FirstDate, edge.LastDate, edge.EvidenceCount));
        Assert.Equal([First, Second], (await store.GetEvidenceAsync([partnership])).Select(e => e.ArticleId));

        // The second article was the investment's only evidence: the edge goes, and so does its count.
        Assert.True(await store.DeleteArticleAsync(Second));
        Assert.Equal([new TypeCount("PARTNERED_WITH", 1)], (await store.GetStatsAsync(0)).RelationsByType);
        Assert.Equal(0, (await store.FindRelationsAsync(new RelationFilter(Types: ["INVESTED_IN"]), new PageRequest())).TotalCount);

        var later = TestArticle.AtUrl("https://news.test/later", publishedAt: new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc))
            .Org(Ids.Microsoft, "Microsoft", "微软").Org(Ids.OpenAi, "OpenAI").Org(Ids.Inflection, "Inflection AI")
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.95).Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection)
            .Relation("COMPETES_WITH", Ids.OpenAi, Ids.Inflection);
        await store.IngestAsync([later.Build()]);
        Assert.Equal([new TypeCount("COMPETES_WITH", 1), new TypeCount("INVESTED_IN", 1), new TypeCount("PARTNERED_WITH", 1)],
            (await store.GetStatsAsync(0)).RelationsByType);
        Assert.Equal(2, (await store.FindRelationsAsync(new RelationFilter(Types: ["INVESTED_IN", "PARTNERED_WITH"]), new PageRequest())).TotalCount);
    }

    private List<string> ReadIndexNames()
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        using var reader = connection.Command("SELECT name FROM sqlite_master WHERE type = 'index'").ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Rows as the version 6 store wrote them: both articles state the partnership, the second the investment too.</summary>
    private void WriteVersion6Database(string partnership, string investment)
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, upToVersion: 6);
        connection.Command("""
            INSERT INTO articles VALUES
                (1, @first, 'test', 'hash-1', 'First', NULL, '2024-03-01T00:00:00.0000000Z', '2024-03-01T00:00:00.0000000', 2, 1),
                (2, @second, 'test', 'hash-2', 'Second', NULL, '2024-03-02T00:00:00.0000000Z', '2024-03-02T00:00:00.0000000', 3, 2);
            INSERT INTO entities (id, type, name, chinese_name, degree) VALUES
                (@microsoft, 'Organization', 'Microsoft', '微软', 2),
                (@openai, 'Organization', 'OpenAI', NULL, 1),
                (@inflection, 'Organization', 'Inflection AI', NULL, 1);
            INSERT INTO article_entities VALUES
                (@microsoft, 1, '["微软"]'), (@openai, 1, NULL), (@microsoft, 2, NULL), (@openai, 2, NULL), (@inflection, 2, NULL);
            INSERT INTO entity_aliases VALUES (@microsoft, '微软', 1, 0);
            INSERT INTO mentions VALUES
                (1, @microsoft, 0, 2, '微软'), (1, @openai, 3, 9, 'OpenAI'),
                (2, @microsoft, 0, 2, '微软'), (2, @openai, 3, 9, 'OpenAI'), (2, @inflection, 10, 23, 'Inflection AI');
            INSERT INTO relations (key, id, type, subject_id, object_id, confidence, amount, amount_value, currency, first_date, last_date, evidence_count) VALUES
                (1, @partnership, 'PARTNERED_WITH', @microsoft, @openai, 0.9, NULL, NULL, NULL, '2024-03-01', '2024-03-02', 2),
                (2, @investment, 'INVESTED_IN', @microsoft, @inflection, 0.8, '1300000000', 1300000000, 'USD', '2024-03-02', '2024-03-02', 1);
            INSERT INTO evidence (seq, relation_key, article_key, span_start, span_end, text, confidence, evidence_date, amount, amount_value, currency) VALUES
                (1, 1, 1, 10, 20, 'Microsoft partners with OpenAI', 0.7, '2024-03-01', NULL, NULL, NULL),
                (2, 1, 2, 24, 30, 'OpenAI and Microsoft', 0.9, '2024-03-02', NULL, NULL, NULL),
                (3, 2, 2, 31, 52, 'Microsoft invests in Inflection', 0.8, '2024-03-02', '1300000000', 1300000000, 'USD');
            """)
            .With("@first", First).With("@second", Second).With("@microsoft", Ids.Microsoft).With("@openai", Ids.OpenAi)
            .With("@inflection", Ids.Inflection).With("@partnership", partnership).With("@investment", investment)
            .ExecuteNonQuery();
    }
}
