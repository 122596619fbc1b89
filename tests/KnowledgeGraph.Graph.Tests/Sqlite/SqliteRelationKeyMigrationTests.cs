using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using KnowledgeGraph.Ontology;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// A database written under schema version 4 (relations keyed by their hash id, evidence referring to that id) opened
/// by today's store: the edges, their evidence and the rules that recompute an edge from its evidence must survive.
/// </summary>
public sealed class SqliteRelationKeyMigrationTests : IDisposable
{
    private const string First = "a:first-article";
    private const string Second = "a:second-article";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_4_database_keeps_its_edges_and_their_evidence_after_migrating()
    {
        var partnership = RelationKey.Of(OntologySchema.Default, "PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Id;
        var investment = RelationKey.Of(OntologySchema.Default, "INVESTED_IN", Ids.Microsoft, Ids.Inflection).Id;
        string[] bothInIdOrder = [.. new[] { investment, partnership }.Order(StringComparer.Ordinal)];
        WriteVersion4Database(partnership, investment);

        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
        var relations = (await store.FindRelationsAsync(new RelationFilter(EntityIds: [Ids.Microsoft]), new PageRequest())).Items
            .Select(i => i.Node).ToDictionary(r => r.Id);
        Assert.Equal(bothInIdOrder, relations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((0.9, "2024-03-01", "2024-03-02", 2),
            (relations[partnership].Confidence, relations[partnership].FirstDate, relations[partnership].LastDate, relations[partnership].EvidenceCount));
        Assert.Equal(1_300_000_000m, relations[investment].Attributes.Amount);
        Assert.Equal([First, Second], (await store.GetEvidenceAsync([partnership])).Select(e => e.ArticleId));

        var around = await store.GetNeighbourhoodAsync(new NeighbourhoodQuery(Ids.Microsoft));
        Assert.Equal([Ids.Microsoft, Ids.Inflection, Ids.OpenAi], around.Nodes.Select(n => n.Id));
        Assert.Equal(2, around.Nodes[0].Degree);
        Assert.Equal(bothInIdOrder, around.Edges.Select(e => e.Id));

        // Removing the second article takes its evidence away: the shared edge is derived again from the first alone.
        Assert.True(await store.DeleteArticleAsync(Second));
        var remaining = Assert.Single((await store.FindRelationsAsync(new RelationFilter(EntityIds: [Ids.Microsoft]), new PageRequest())).Items).Node;
        Assert.Equal((partnership, 0.7, "2024-03-01", 1), (remaining.Id, remaining.Confidence, remaining.LastDate, remaining.EvidenceCount));
        Assert.Empty(await store.GetEvidenceAsync([investment]));
        Assert.Empty(await store.GetEntitiesAsync([Ids.Inflection]));

        // A new article adds evidence to the migrated edge and creates its own beside it.
        var later = TestArticle.AtUrl("https://news.test/later", publishedAt: new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc))
            .Org(Ids.Microsoft, "Microsoft", "微软").Org(Ids.OpenAi, "OpenAI").Org(Ids.Inflection, "Inflection AI")
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.95).Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        await store.IngestAsync([later.Build()]);
        var shared = Assert.Single((await store.FindRelationsAsync(new RelationFilter(Types: ["PARTNERED_WITH"]), new PageRequest())).Items).Node;
        Assert.Equal((partnership, 0.95, "2024-03-01", "2024-03-05", 2),
            (shared.Id, shared.Confidence, shared.FirstDate, shared.LastDate, shared.EvidenceCount));
        Assert.Single(await store.GetEvidenceAsync([investment]));
        Assert.Equal(2, Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft])).Degree);
    }

    /// <summary>Rows as the version 4 store wrote them: both articles state the partnership, the second the investment too.</summary>
    private void WriteVersion4Database(string partnership, string investment)
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, upToVersion: 4);
        connection.Command("""
            INSERT INTO articles VALUES
                (1, @first, 'test', 'hash-1', 'First', NULL, '2024-03-01T00:00:00.0000000Z', '2024-03-01T00:00:00.0000000', 2, 1),
                (2, @second, 'test', 'hash-2', 'Second', NULL, '2024-03-02T00:00:00.0000000Z', '2024-03-02T00:00:00.0000000', 3, 2);
            INSERT INTO entities VALUES
                (@microsoft, 'Organization', 'Microsoft', '微软'),
                (@openai, 'Organization', 'OpenAI', NULL),
                (@inflection, 'Organization', 'Inflection AI', NULL);
            INSERT INTO article_entities VALUES
                (@microsoft, 1, '["微软"]'), (@openai, 1, NULL), (@microsoft, 2, NULL), (@openai, 2, NULL), (@inflection, 2, NULL);
            INSERT INTO entity_aliases VALUES (@microsoft, '微软', 1, 0);
            INSERT INTO mentions VALUES
                (1, @microsoft, 0, 2, '微软'), (1, @openai, 3, 9, 'OpenAI'),
                (2, @microsoft, 0, 2, '微软'), (2, @openai, 3, 9, 'OpenAI'), (2, @inflection, 10, 23, 'Inflection AI');
            INSERT INTO relations (id, type, subject_id, object_id, confidence, amount, amount_value, currency, first_date, last_date, evidence_count) VALUES
                (@partnership, 'PARTNERED_WITH', @microsoft, @openai, 0.9, NULL, NULL, NULL, '2024-03-01', '2024-03-02', 2),
                (@investment, 'INVESTED_IN', @microsoft, @inflection, 0.8, '1300000000', 1300000000, 'USD', '2024-03-02', '2024-03-02', 1);
            INSERT INTO evidence (seq, relation_id, article_key, span_start, span_end, text, confidence, evidence_date, amount, amount_value, currency) VALUES
                (1, @partnership, 1, 10, 20, 'Microsoft partners with OpenAI', 0.7, '2024-03-01', NULL, NULL, NULL),
                (2, @partnership, 2, 24, 30, 'OpenAI and Microsoft', 0.9, '2024-03-02', NULL, NULL, NULL),
                (3, @investment, 2, 31, 52, 'Microsoft invests in Inflection', 0.8, '2024-03-02', '1300000000', 1300000000, 'USD');
            """)
            .With("@first", First).With("@second", Second).With("@microsoft", Ids.Microsoft).With("@openai", Ids.OpenAi)
            .With("@inflection", Ids.Inflection).With("@partnership", partnership).With("@investment", investment)
            .ExecuteNonQuery();
    }
}
