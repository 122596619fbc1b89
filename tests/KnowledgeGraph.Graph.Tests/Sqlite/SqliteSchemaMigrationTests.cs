using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using KnowledgeGraph.Ontology;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// A database written under schema version 3 (hash article ids in every table, one alias row per contributing article)
/// opened by today's store: version 4 must carry every row over and keep the rules that depend on them working.
/// </summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private const string First = "a:first-article";
    private const string Second = "a:second-article";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_3_database_keeps_its_articles_aliases_evidence_and_deals_after_migrating()
    {
        var partnership = RelationKey.Of(OntologySchema.Default, "PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi).Id;
        var investment = RelationKey.Of(OntologySchema.Default, "INVESTED_IN", Ids.Microsoft, Ids.Inflection).Id;
        WriteVersion3Database(partnership, investment);

        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
        var microsoft = Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft]));
        Assert.Equal(["MSFT", "巨硬", "微软"], microsoft.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal(2, microsoft.Degree);
        var articles = (await store.FindArticlesAsync(new ArticleFilter(Ids.Microsoft), new PageRequest())).Items.Select(i => i.Node).ToList();
        Assert.Equal([Second, First], articles.Select(a => a.Id));
        Assert.Equal("https://news.test/first", articles[1].Url);
        var evidence = Assert.Single(await store.GetEvidenceAsync([investment]));
        Assert.Equal((Second, 30, 52), (evidence.ArticleId, evidence.Sentence.Start, evidence.Sentence.End));
        var deal = Assert.Single((await store.FindDealsAsync(new DealFilter(PartyIds: [Ids.Inflection]), new PageRequest())).Items).Node;
        Assert.Equal((Second, 1_300_000_000m), (deal.ArticleId, deal.Amount));
        Assert.Equal([Ids.Microsoft, Ids.Inflection], deal.Parties.Select(p => p.EntityId));

        // The first article's aliases go with it, those the second still gives and the one a merge brought stay.
        Assert.True(await store.DeleteArticleAsync(First));
        microsoft = Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft]));
        Assert.Equal(["MSFT", "微软"], microsoft.Aliases.Order(StringComparer.Ordinal));
        Assert.Empty(await store.GetEntitiesAsync([Ids.OpenAi]));
        Assert.Empty(await store.GetEvidenceAsync([partnership]));

        // New articles take keys after the migrated ones and add to the migrated edge.
        var later = TestArticle.AtUrl("https://news.test/later").Org(Ids.Microsoft, "Microsoft", "微软", "巨硬")
            .Org(Ids.Inflection, "Inflection AI").Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        await store.IngestAsync([later.Build()]);
        Assert.Equal(2, (await store.GetEvidenceAsync([investment])).Count);
        Assert.Contains("巨硬", Assert.Single(await store.GetEntitiesAsync([Ids.Microsoft])).Aliases);
        Assert.Equal(2, (await store.GetStatsAsync(1)).Articles);
    }

    /// <summary>Rows as the version 3 store wrote them: a merge had carried MSFT over (source ''), the rest came from articles.</summary>
    private void WriteVersion3Database(string partnership, string investment)
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, upToVersion: 3);
        connection.Command("""
            INSERT INTO articles VALUES
                (@first, 'test', 'hash-1', 'First', 'https://news.test/first', '2024-03-01T00:00:00.0000000Z', '2024-03-01T00:00:00.0000000', 3, 1),
                (@second, 'test', 'hash-2', 'Second', NULL, '2024-03-02T00:00:00.0000000Z', '2024-03-02T00:00:00.0000000', 2, 1);
            INSERT INTO entities VALUES
                (@microsoft, 'Organization', 'Microsoft', '微软'),
                (@openai, 'Organization', 'OpenAI', NULL),
                (@inflection, 'Organization', 'Inflection AI', NULL);
            INSERT INTO article_entities VALUES
                (@first, @microsoft), (@first, @openai), (@second, @microsoft), (@second, @inflection);
            INSERT INTO entity_aliases VALUES
                (@microsoft, '微软', @first), (@microsoft, '巨硬', @first), (@microsoft, '微软', @second),
                (@microsoft, 'MSFT', ''), (@openai, 'OpenAI', @first);
            INSERT INTO mentions VALUES
                (@first, @microsoft, 0, 2, '微软'), (@first, @openai, 3, 9, 'OpenAI'),
                (@second, @microsoft, 0, 2, '微软'), (@second, @inflection, 3, 16, 'Inflection AI');
            INSERT INTO relations (id, type, subject_id, object_id, confidence, amount, amount_value, currency, first_date, last_date, evidence_count) VALUES
                (@partnership, 'PARTNERED_WITH', @microsoft, @openai, 0.9, NULL, NULL, NULL, '2024-03-01', '2024-03-01', 1),
                (@investment, 'INVESTED_IN', @microsoft, @inflection, 0.8, '1300000000', 1300000000, 'USD', '2024-03-02', '2024-03-02', 1);
            INSERT INTO evidence (seq, relation_id, article_id, span_start, span_end, text, confidence, evidence_date, amount, amount_value, currency) VALUES
                (1, @partnership, @first, 10, 20, 'Microsoft partners with OpenAI', 0.9, '2024-03-01', NULL, NULL, NULL),
                (2, @investment, @second, 30, 52, 'Microsoft invests in Inflection', 0.8, '2024-03-02', '1300000000', 1300000000, 'USD');
            INSERT INTO deals VALUES
                ('deal:second-article:0', @second, 'INVESTED_IN', '1300000000', 1300000000, 'USD', NULL, NULL, '2024-03-02', 0.8, 30, 52, 'Microsoft invests in Inflection');
            INSERT INTO deal_parties VALUES
                ('deal:second-article:0', 0, @microsoft, 'investor'), ('deal:second-article:0', 1, @inflection, 'investee');
            """)
            .With("@first", First).With("@second", Second).With("@microsoft", Ids.Microsoft).With("@openai", Ids.OpenAi)
            .With("@inflection", Ids.Inflection).With("@partnership", partnership).With("@investment", investment)
            .ExecuteNonQuery();
    }
}
