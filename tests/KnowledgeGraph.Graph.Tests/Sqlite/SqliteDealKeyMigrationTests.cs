using KnowledgeGraph.Graph.Sqlite;
using KnowledgeGraph.Graph.Tests.Contract;
using KnowledgeGraph.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// A database written under schema version 7 (deal parties keyed by the deal's text id) opened by today's store, which
/// keys them by the deal's integer key: every deal keeps its values and its parties in order, party filters find
/// them, deleting an article takes its deals' parties along, and deals ingested later come after the migrated ones.
/// </summary>
public sealed class SqliteDealKeyMigrationTests : IDisposable
{
    private const string First = "a:first-article";
    private const string Second = "a:second-article";
    private const string FirstDeal = "deal:first-article:0";
    private const string SecondDeal = "deal:second-article:0";
    private const string ThirdDeal = "deal:second-article:1";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_version_7_database_keeps_its_deals_and_their_parties_after_migrating()
    {
        WriteVersion7Database();

        await using var store = new SqliteGraphStore(new SqliteGraphStoreOptions { Path = _database.FilePath });
        await store.InitializeAsync();

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), await store.GetAppliedSchemaVersionsAsync());
        Assert.Equal(["deal_key", "ordinal", "entity_id", "role"], ReadStrings("SELECT name FROM pragma_table_info('deal_parties')"));
        var deals = (await store.FindDealsAsync(new DealFilter(), new PageRequest())).Items.Select(i => i.Node).ToList();
        Assert.Equal([FirstDeal, SecondDeal, ThirdDeal], deals.Select(d => d.Id));
        Assert.Equal(("INVESTED_IN", 1_300_000_000m, "USD", "B", "2024-03-01", 0.8, First),
            (deals[0].Kind, deals[0].Amount, deals[0].Currency, deals[0].Round, deals[0].Date, deals[0].Confidence, deals[0].ArticleId));
        Assert.Equal(new TextSpan(30, 52, "Microsoft invests in Inflection"), deals[0].Evidence);
        Assert.Equal([new DealParty(Ids.Microsoft, "investor"), new DealParty(Ids.Inflection, "investee")], deals[0].Parties);
        Assert.Equal([new DealParty(Ids.OpenAi, "acquirer"), new DealParty(Ids.Microsoft, "target")], deals[1].Parties);
        Assert.Equal([new DealParty(Ids.Inflection, "investee"), new DealParty(Ids.OpenAi, "investor"), new DealParty(Ids.Microsoft, "investor")],
            deals[2].Parties);
        var ofInflection = await store.FindDealsAsync(new DealFilter(PartyIds: [Ids.Inflection]), new PageRequest());
        Assert.Equal([FirstDeal, ThirdDeal], ofInflection.Items.Select(i => i.Node.Id));

        // The second article's deals go with it, parties included; the first article's deal stays whole.
        Assert.True(await store.DeleteArticleAsync(Second));
        Assert.Equal([FirstDeal], (await store.FindDealsAsync(new DealFilter(), new PageRequest())).Items.Select(i => i.Node.Id));
        Assert.Equal(["2"], ReadStrings("SELECT count(*) FROM deal_parties"));

        var later = TestArticle.AtUrl("https://news.test/later").Org(Ids.Microsoft, "Microsoft").Org(Ids.OpenAi, "OpenAI")
            .Investment(Ids.Microsoft, Ids.OpenAi, 10_000_000_000m);
        await store.IngestAsync([later.Build()]);
        var ofOpenAi = Assert.Single((await store.FindDealsAsync(new DealFilter(PartyIds: [Ids.OpenAi]), new PageRequest())).Items).Node;
        Assert.Equal((later.Id, 10_000_000_000m), (ofOpenAi.ArticleId, ofOpenAi.Amount));
        Assert.Equal([new DealParty(Ids.Microsoft, "investor"), new DealParty(Ids.OpenAi, "investee")], ofOpenAi.Parties);
        Assert.Equal(["1", "2"], ReadStrings("SELECT key FROM deals ORDER BY key"));
    }

    private List<string> ReadStrings(string sql)
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        using var reader = connection.Command(sql).ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Rows as the version 7 store wrote them: one deal in the first article, two in the second, parties out of id order.</summary>
    private void WriteVersion7Database()
    {
        using var connection = new SqliteConnection(new SqliteGraphStoreOptions { Path = _database.FilePath }.BuildConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, upToVersion: 7);
        connection.Command("""
            INSERT INTO articles VALUES
                (1, @first, 'test', 'hash-1', 'First', NULL, '2024-03-01T00:00:00.0000000Z', '2024-03-01T00:00:00.0000000', 2, 0),
                (2, @second, 'test', 'hash-2', 'Second', NULL, '2024-03-02T00:00:00.0000000Z', '2024-03-02T00:00:00.0000000', 3, 0);
            INSERT INTO entities (id, type, name, chinese_name, degree) VALUES
                (@microsoft, 'Organization', 'Microsoft', '微软', 0),
                (@openai, 'Organization', 'OpenAI', NULL, 0),
                (@inflection, 'Organization', 'Inflection AI', NULL, 0);
            INSERT INTO article_entities VALUES
                (@microsoft, 1, NULL), (@inflection, 1, NULL), (@microsoft, 2, NULL), (@openai, 2, NULL), (@inflection, 2, NULL);
            INSERT INTO deals VALUES
                (@third_deal, 2, 'INVESTED_IN', NULL, NULL, NULL, NULL, NULL, '2024-03-02', 0.6, 60, 80, 'OpenAI and Microsoft back Inflection'),
                (@first_deal, 1, 'INVESTED_IN', '1300000000', 1300000000, 'USD', 'B', '2024-03-01', '2024-03-01', 0.8, 30, 52,
                 'Microsoft invests in Inflection'),
                (@second_deal, 2, 'ACQUIRED', NULL, NULL, NULL, NULL, NULL, '2024-03-02', 0.7, 0, 20, 'OpenAI buys Microsoft');
            INSERT INTO deal_parties VALUES
                (@third_deal, 2, @microsoft, 'investor'), (@third_deal, 0, @inflection, 'investee'), (@third_deal, 1, @openai, 'investor'),
                (@first_deal, 1, @inflection, 'investee'), (@first_deal, 0, @microsoft, 'investor'),
                (@second_deal, 0, @openai, 'acquirer'), (@second_deal, 1, @microsoft, 'target');
            """)
            .With("@first", First).With("@second", Second).With("@microsoft", Ids.Microsoft).With("@openai", Ids.OpenAi)
            .With("@inflection", Ids.Inflection).With("@first_deal", FirstDeal).With("@second_deal", SecondDeal)
            .With("@third_deal", ThirdDeal)
            .ExecuteNonQuery();
    }
}
