using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    private async Task IngestDeals() =>
        await Ingest(
            TestArticle.AtUrl("https://news.test/d1", "v1", new DateTime(2023, 6, 30))
                .WithMicrosoft().WithInflection().WithNvidia()
                .Investment(Ids.Microsoft, Ids.Inflection, 1_300_000_000m, "2023-06", 0.9)
                .Investment(Ids.Nvidia, Ids.Inflection, 100_000_000m, "2023-06", 0.6),
            TestArticle.AtUrl("https://news.test/d2", "v1", new DateTime(2024, 3, 19))
                .WithMicrosoft().WithInflection().WithSuleyman()
                .Relation("ACQUIHIRED", Ids.Microsoft, Ids.Inflection, 0.8, new RelationAttributes(Amount: 650_000_000m, Currency: "USD", Date: "2024-03"))
                .Deal("ACQUIHIRED", [new DealParty(Ids.Microsoft, "acquirer"), new DealParty(Ids.Inflection, "target")], 650_000_000m, "USD", "2024-03", 0.8)
                .Relation("JOINED", Ids.Suleyman, Ids.Microsoft, 0.7, new RelationAttributes(Role: "CEO", Date: "2024-03-19")),
            TestArticle.AtUrl("https://news.test/d3", "v1", new DateTime(2019, 7, 22))
                .WithMicrosoft().WithOpenAi()
                .Investment(Ids.Microsoft, Ids.OpenAi, 1_000_000_000m, "2019-07", 0.95));

    [Fact]
    public async Task Relations_filter_by_type_party_and_direction()
    {
        await IngestDeals();

        Assert.Equal(3, (await Relations(new RelationFilter(Types: ["INVESTED_IN"]))).Count);
        Assert.Equal(4, (await Relations(new RelationFilter(Types: ["INVESTED_IN", "ACQUIHIRED"]))).Count);
        Assert.Equal(4, (await Relations(new RelationFilter(EntityIds: [Ids.Microsoft]))).Count);
        Assert.Equal(3, (await Relations(new RelationFilter(EntityIds: [Ids.Microsoft], Direction: Direction.Outgoing))).Count);
        var incoming = Assert.Single(await Relations(new RelationFilter(EntityIds: [Ids.Microsoft], Direction: Direction.Incoming)));
        Assert.Equal("JOINED", incoming.Type);
        Assert.Equal(3, (await Relations(new RelationFilter(EntityIds: [Ids.Inflection], Direction: Direction.Incoming))).Count);
        Assert.Equal(2, (await Relations(new RelationFilter(Types: ["INVESTED_IN"], EntityIds: [Ids.Inflection]))).Count);
    }

    [Fact]
    public async Task Relations_filter_by_date_amount_and_confidence()
    {
        await IngestDeals();

        var since2024 = await Relations(new RelationFilter(From: "2024-01-01"));
        Assert.Equal(["ACQUIHIRED", "JOINED"], since2024.Select(r => r.Type).Order());
        var in2023 = await Relations(new RelationFilter(From: "2023-01-01", To: "2023-12-31"));
        Assert.Equal(2, in2023.Count);
        Assert.All(in2023, r => Assert.Equal("2023-06", r.FirstDate));

        var large = await Relations(new RelationFilter(MinAmount: 500_000_000m));
        Assert.Equal(3, large.Count);
        var middle = Assert.Single(await Relations(new RelationFilter(MinAmount: 500_000_000m, MaxAmount: 999_999_999m)));
        Assert.Equal("ACQUIHIRED", middle.Type);

        var confident = await Relations(new RelationFilter(MinConfidence: 0.85));
        Assert.Equal([0.9, 0.95], confident.Select(r => r.Confidence).Order());
        Assert.Empty(await Relations(new RelationFilter(Types: ["JOINED"], MinConfidence: 0.71)));
    }

    [Fact]
    public async Task Deals_filter_by_kind_party_date_amount_and_confidence()
    {
        await IngestDeals();

        var all = await Deals();
        Assert.Equal(4, all.Count);
        var acquihire = Assert.Single(await Deals(new DealFilter(Kinds: ["ACQUIHIRED"])));
        Assert.Equal(650_000_000m, acquihire.Amount);
        Assert.Equal("USD", acquihire.Currency);
        Assert.Equal("2024-03", acquihire.Date);
        Assert.Equal(["acquirer", "target"], acquihire.Parties.Select(p => p.Role));
        Assert.Equal([Ids.Microsoft, Ids.Inflection], acquihire.Parties.Select(p => p.EntityId));
        Assert.Equal("https://news.test/d2", Assert.Single(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(), p)),
            a => a.Id == acquihire.ArticleId).Url);

        Assert.Equal(3, (await Deals(new DealFilter(PartyIds: [Ids.Microsoft]))).Count);
        Assert.Equal(2, (await Deals(new DealFilter(Kinds: ["INVESTED_IN"], PartyIds: [Ids.Inflection, Ids.OpenAi], From: "2023-01-01"))).Count);
        Assert.Equal(1_000_000_000m, Assert.Single(await Deals(new DealFilter(To: "2020-12-31"))).Amount);
        Assert.Equal(2, (await Deals(new DealFilter(MinAmount: 600_000_000m, MaxAmount: 1_000_000_000m))).Count);
        Assert.Equal(2, (await Deals(new DealFilter(MinConfidence: 0.9))).Count);
    }

    [Fact]
    public async Task Articles_filter_by_entity_and_publication_date()
    {
        await IngestDeals();

        Assert.Equal(3, (await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(), p))).Count);
        Assert.Equal(2, (await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(Ids.Inflection), p))).Count);
        var recent = Assert.Single(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(PublishedFrom: new DateTime(2024, 1, 1)), p)));
        Assert.Equal("https://news.test/d2", recent.Url);
        Assert.Equal(3, recent.EntityCount);
        Assert.Equal(2, recent.RelationCount);
        Assert.Single(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(Ids.Microsoft, PublishedTo: new DateTime(2020, 1, 1)), p)));
    }
}
