using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    /// <summary>
    /// Evidence arriving in later batches, with and without attributes, on edges that exist and edges that are new:
    /// the edge must read as if it had been derived from all its evidence at once, and again after a removal.
    /// </summary>
    [Fact]
    public async Task Later_evidence_without_attributes_widens_an_edge_and_keeps_its_attributes()
    {
        var withAmount = TestArticle.AtUrl("https://news.test/agg-a", "v1", new DateTime(2024, 2, 1))
            .WithMicrosoft().WithInflection()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.7, new RelationAttributes(Amount: 100m, Currency: "USD", Date: "2023-06"));
        var early = TestArticle.AtUrl("https://news.test/agg-b", "v1", new DateTime(2021, 1, 5))
            .WithMicrosoft().WithInflection().WithOpenAi()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.9)
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi, 0.6);
        var late = TestArticle.AtUrl("https://news.test/agg-c", "v1", new DateTime(2025, 7, 1))
            .WithMicrosoft().WithInflection().WithOpenAi()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.5)
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.8);
        await Ingest(withAmount);
        await Ingest(early, late);

        var investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(3, investment.EvidenceCount);
        Assert.Equal(0.9, investment.Confidence, 6);
        Assert.Equal("2021-01-05", investment.FirstDate);
        Assert.Equal("2025-07-01", investment.LastDate);
        Assert.Equal(100m, investment.Attributes.Amount);
        Assert.Equal("2023-06", investment.Attributes.Date);
        var partnership = await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
        Assert.Equal(2, partnership.EvidenceCount);
        Assert.Equal(0.8, partnership.Confidence, 6);
        Assert.Equal(("2021-01-05", "2025-07-01"), (partnership.FirstDate, partnership.LastDate));
        Assert.Equal(2, (await Entity(Ids.Microsoft))!.Degree);

        var lateWithoutRelations = TestArticle.AtUrl("https://news.test/agg-c", "v2", new DateTime(2025, 7, 1))
            .WithMicrosoft().WithInflection().WithOpenAi();
        var earlyAgain = TestArticle.AtUrl("https://news.test/agg-d", "v1", new DateTime(2022, 3, 3))
            .WithMicrosoft().WithOpenAi()
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.4);
        await Ingest(lateWithoutRelations, earlyAgain);

        investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(2, investment.EvidenceCount);
        Assert.Equal(0.9, investment.Confidence, 6);
        Assert.Equal(("2021-01-05", "2023-06"), (investment.FirstDate, investment.LastDate));
        Assert.Equal(100m, investment.Attributes.Amount);
        partnership = await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
        Assert.Equal(2, partnership.EvidenceCount);
        Assert.Equal(0.6, partnership.Confidence, 6);
        Assert.Equal(("2021-01-05", "2022-03-03"), (partnership.FirstDate, partnership.LastDate));
        Assert.Equal(2, (await Entity(Ids.Microsoft))!.Degree);
    }
}
