using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    private const string Msft = "org:msft";

    private static TestArticle MsftArticle(string url) =>
        TestArticle.AtUrl(url, "v1", new DateTime(2024, 4, 1))
            .Org(Msft, "MSFT", "微软集团", "MSFT", "微软集团")
            .WithInflection().WithGoogle()
            .Relation("INVESTED_IN", Msft, Ids.Inflection, 0.95)
            .Relation("COMPETES_WITH", Ids.Google, Msft, 0.7)
            .Deal("INVESTED_IN", [new DealParty(Msft, "investor"), new DealParty(Ids.Inflection, "investee")]);

    [Fact]
    public async Task Merge_moves_relations_mentions_aliases_and_deals_onto_the_kept_entity()
    {
        await Ingest(MicrosoftInvestsInInflection(), MsftArticle("https://news.test/msft"));

        var kept = await Store.MergeEntitiesAsync(Ids.Microsoft, Msft);

        Assert.Equal(Ids.Microsoft, kept.Id);
        Assert.Contains("微软集团", kept.Aliases);
        Assert.Contains("MSFT", kept.Aliases);
        Assert.Null(await Entity(Msft));
        var investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(2, investment.EvidenceCount);
        Assert.Equal(0.95, investment.Confidence, 6);
        await SingleRelation("COMPETES_WITH", Ids.Google, Ids.Microsoft);
        Assert.DoesNotContain(await Relations(), r => r.SubjectId == Msft || r.ObjectId == Msft);
        Assert.Equal(2, (await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter(Ids.Microsoft), p))).Count);
        Assert.Equal(2, (await Deals(new DealFilter(PartyIds: [Ids.Microsoft]))).Count);
        Assert.Contains(await Search("微软集团"), e => e.Id == Ids.Microsoft);
    }

    [Fact]
    public async Task After_a_merge_reingesting_an_article_that_names_the_dropped_id_lands_on_the_kept_one()
    {
        await Ingest(MicrosoftInvestsInInflection(), MsftArticle("https://news.test/msft"));
        await Store.MergeEntitiesAsync(Ids.Microsoft, Msft);

        await Ingest(MsftArticle("https://news.test/msft-again"));
        await Ingest(TestArticle.AtUrl("https://news.test/msft", "v2").Org(Msft, "MSFT").WithOpenAi()
            .Relation("PARTNERED_WITH", Ids.OpenAi, Msft));

        Assert.Null(await Entity(Msft));
        Assert.DoesNotContain(await Relations(), r => r.SubjectId == Msft || r.ObjectId == Msft);
        Assert.Equal(2, (await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection)).EvidenceCount);
        await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
    }

    [Fact]
    public async Task Merging_unknown_or_identical_entities_is_refused_and_changes_nothing()
    {
        await Ingest(MicrosoftInvestsInInflection());

        await Assert.ThrowsAsync<GraphQueryException>(() => Store.MergeEntitiesAsync(Ids.Microsoft, "org:nobody"));
        await Assert.ThrowsAsync<GraphQueryException>(() => Store.MergeEntitiesAsync("org:nobody", Ids.Microsoft));
        await Assert.ThrowsAsync<GraphQueryException>(() => Store.MergeEntitiesAsync(Ids.Microsoft, Ids.Microsoft));

        Assert.NotNull(await Entity(Ids.Microsoft));
        Assert.Equal(3, (await Relations()).Count);
    }

    [Fact]
    public async Task Deleting_an_article_removes_its_evidence_then_orphan_relations_and_entities()
    {
        var first = MicrosoftInvestsInInflection();
        var second = TestArticle.AtUrl("https://news.test/second", "v1", new DateTime(2024, 5, 1))
            .WithMicrosoft().WithInflection()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.6);
        await Ingest(first, second);

        Assert.True(await Store.DeleteArticleAsync(first.Id));

        var investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(1, investment.EvidenceCount);
        Assert.Equal(0.6, investment.Confidence, 6);
        Assert.Equal(second.Id, Assert.Single(await Store.GetEvidenceAsync([investment.Id])).ArticleId);
        Assert.Single(await Relations());
        Assert.Null(await Entity(Ids.Suleyman));
        Assert.NotNull(await Entity(Ids.Microsoft));
        Assert.Equal(1, (await Store.GetStatsAsync(1)).Articles);
        Assert.Empty(await Deals());
        Assert.Empty(await Search("苏莱曼"));
        Assert.False(await Store.DeleteArticleAsync(first.Id));
        Assert.False(await Store.DeleteArticleAsync("a:unknown"));
    }

    [Fact]
    public async Task Relations_aggregate_evidence_across_articles()
    {
        var early = TestArticle.AtUrl("https://news.test/a1", "v1", new DateTime(2022, 5, 1))
            .WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.7);
        var middle = TestArticle.AtUrl("https://news.test/a2", "v1", new DateTime(2024, 1, 10))
            .WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.6,
                new RelationAttributes(Amount: 1_300_000_000m, Currency: "USD", Date: "2023-06"));
        var late = TestArticle.AtUrl("https://news.test/a3", "v1", new DateTime(2024, 3, 19))
            .WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.9,
                new RelationAttributes(Date: "2024-03"));
        await Ingest(middle);
        await Ingest(late, early);

        var relation = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(3, relation.EvidenceCount);
        Assert.Equal(0.9, relation.Confidence, 6);
        Assert.Equal("2022-05-01", relation.FirstDate);
        Assert.Equal("2024-03", relation.LastDate);
        Assert.Equal(1_300_000_000m, relation.Attributes.Amount);
        Assert.Equal(Ids.Microsoft, relation.SubjectId);
        var evidence = await Store.GetEvidenceAsync([relation.Id]);
        Assert.Equal(3, evidence.Count);
        Assert.Equal(new[] { early.Id, middle.Id, late.Id }.Order(), evidence.Select(e => e.ArticleId).Order());
        Assert.All(evidence, e => Assert.Equal(relation.Id, e.RelationId));
    }

    [Fact]
    public async Task Evidence_without_attributes_added_in_later_batches_moves_confidence_and_dates_but_keeps_attributes()
    {
        var stated = TestArticle.AtUrl("https://news.test/s1", "v1", new DateTime(2024, 1, 10))
            .WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.6,
                new RelationAttributes(Amount: 1_300_000_000m, Currency: "USD", Date: "2023-06"));
        var surer = TestArticle.AtUrl("https://news.test/s2", "v1", new DateTime(2024, 4, 2))
            .WithMicrosoft().WithInflection().WithOpenAi()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.9)
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi, 0.55);
        var undated = TestArticle.AtUrl("https://news.test/s3")
            .WithMicrosoft().WithInflection().WithOpenAi()
            .Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.5)
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft, 0.75);
        var older = TestArticle.AtUrl("https://news.test/s4", "v1", new DateTime(2021, 2, 3))
            .WithMicrosoft().WithInflection().Relation("INVESTED_IN", Ids.Microsoft, Ids.Inflection, 0.8);
        await Ingest(stated);
        await Ingest(surer, undated);
        await Ingest(older);

        var investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(4, investment.EvidenceCount);
        Assert.Equal(0.9, investment.Confidence, 6);
        Assert.Equal("2021-02-03", investment.FirstDate);
        Assert.Equal("2024-04-02", investment.LastDate);
        Assert.Equal(new RelationAttributes(Amount: 1_300_000_000m, Currency: "USD", Date: "2023-06"), investment.Attributes);
        // An edge first stored by a batch that states it twice.
        var partnership = await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
        Assert.Equal(2, partnership.EvidenceCount);
        Assert.Equal(0.75, partnership.Confidence, 6);
        Assert.Equal("2024-04-02", partnership.FirstDate);
        Assert.Equal("2024-04-02", partnership.LastDate);

        // Removing the most confident and the latest evidence derives the edge from what is left.
        Assert.True(await Store.DeleteArticleAsync(surer.Id));
        investment = await SingleRelation("INVESTED_IN", Ids.Microsoft, Ids.Inflection);
        Assert.Equal(3, investment.EvidenceCount);
        Assert.Equal(0.8, investment.Confidence, 6);
        Assert.Equal("2021-02-03", investment.FirstDate);
        Assert.Equal("2023-06", investment.LastDate);
        partnership = await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi);
        Assert.Equal(1, partnership.EvidenceCount);
        Assert.Null(partnership.FirstDate);
    }

    [Fact]
    public async Task Symmetric_relations_are_one_edge_whichever_way_round_they_are_stated()
    {
        var one = TestArticle.AtUrl("https://news.test/p1").WithMicrosoft().WithOpenAi().WithGoogle()
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi)
            .Relation("COMPETES_WITH", Ids.Google, Ids.Microsoft);
        var two = TestArticle.AtUrl("https://news.test/p2").WithMicrosoft().WithOpenAi().WithGoogle()
            .Relation("PARTNERED_WITH", Ids.OpenAi, Ids.Microsoft)
            .Relation("COMPETES_WITH", Ids.Microsoft, Ids.Google);
        await Ingest(one, two);

        Assert.Equal(2, (await SingleRelation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi)).EvidenceCount);
        Assert.Equal(2, (await SingleRelation("COMPETES_WITH", Ids.Google, Ids.Microsoft)).EvidenceCount);
        Assert.Equal(2, (await Relations()).Count);
    }

    [Fact]
    public async Task Asymmetric_relations_keep_their_direction()
    {
        await Ingest(TestArticle.AtUrl("https://news.test/acq").WithMicrosoft().WithInflection()
            .Relation("ACQUIRED", Ids.Microsoft, Ids.Inflection)
            .Relation("ACQUIRED", Ids.Inflection, Ids.Microsoft));

        var relations = await Relations(new RelationFilter(Types: ["ACQUIRED"]));
        Assert.Equal(2, relations.Count);
        Assert.Single(await Relations(new RelationFilter(EntityIds: [Ids.Microsoft], Direction: Direction.Outgoing)));
    }

    [Fact]
    public async Task Timeline_lists_an_entitys_events_in_date_order()
    {
        var a2024 = TestArticle.AtUrl("https://news.test/t2024", "v1", new DateTime(2024, 3, 19), "2024 story")
            .WithMicrosoft().WithSuleyman().Relation("JOINED", Ids.Suleyman, Ids.Microsoft, attributes: new RelationAttributes(Date: "2024-03"));
        var a2014 = TestArticle.AtUrl("https://news.test/t2014", "v1", new DateTime(2014, 1, 27), "2014 story")
            .WithGoogle().WithDeepMind().WithSuleyman().Relation("FOUNDED", Ids.Suleyman, Ids.DeepMind, attributes: new RelationAttributes(Date: "2010"));
        var a2022 = TestArticle.AtUrl("https://news.test/t2022", "v1", new DateTime(2022, 3, 8), "2022 story")
            .WithInflection().WithSuleyman().Relation("FOUNDED", Ids.Suleyman, Ids.Inflection);
        await Ingest(a2024, a2014, a2022);

        var timeline = await Store.GetTimelineAsync(Ids.Suleyman);

        var withRelations = timeline.Where(e => e.Relation is not null).ToList();
        Assert.Equal(["2010", "2022-03-08", "2024-03"], withRelations.Select(e => e.Date));
        Assert.Equal(["FOUNDED", "FOUNDED", "JOINED"], withRelations.Select(e => e.Relation!.Type));
        Assert.Equal("2014 story", withRelations[0].ArticleTitle);
        Assert.Equal(timeline.OrderBy(e => e.Date, StringComparer.Ordinal).Select(e => e.Date), timeline.Select(e => e.Date));
        Assert.Empty(await Store.GetTimelineAsync("per:nobody"));
    }

    [Fact]
    public async Task Stats_count_by_type_and_rank_the_most_connected()
    {
        await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi());

        var stats = await Store.GetStatsAsync(2);

        Assert.Equal(2, stats.Articles);
        Assert.Equal(2, stats.Deals);
        Assert.Equal(3, CountOf(stats.EntitiesByType, "Organization"));
        Assert.Equal(2, CountOf(stats.EntitiesByType, "Person"));
        Assert.Equal(1, CountOf(stats.RelationsByType, "INVESTED_IN"));
        Assert.Equal(1, CountOf(stats.RelationsByType, "WORKS_FOR"));
        Assert.Equal(5, stats.RelationsByType.Sum(c => c.Count));
        Assert.Equal(2, stats.MostConnected.Count);
        Assert.Equal(Ids.Microsoft, stats.MostConnected[0].Id);
        Assert.Equal(3, stats.MostConnected[0].Degree);
        Assert.True(stats.MostConnected[1].Degree <= 3);
    }

    [Fact]
    public async Task Degrees_and_type_counts_follow_replacement_deletion_and_merge()
    {
        await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi(), MsftArticle("https://news.test/msft"));
        Assert.Equal(3, (await Entity(Ids.Microsoft))!.Degree);
        await AssertAggregatesCountEdges();

        // The same relations again: Suleyman is removed with the old version and written anew with the new one.
        await Ingest(MicrosoftInvestsInInflection(version: "v2"));
        await AssertAggregatesCountEdges();

        await Ingest(TestArticle.AtUrl("https://news.test/ms-inflection", "v3", new DateTime(2024, 3, 20))
            .WithMicrosoft().WithInflection().Investment(Ids.Microsoft, Ids.Inflection, 1_300_000_000m, "2023-06"));
        Assert.Equal(2, (await Entity(Ids.Microsoft))!.Degree);
        await AssertAggregatesCountEdges();

        Assert.True(await Store.DeleteArticleAsync(MicrosoftPartnersWithOpenAi().Id));
        Assert.Equal(1, (await Entity(Ids.Microsoft))!.Degree);
        await AssertAggregatesCountEdges();

        // Msft's investment becomes a second piece of evidence of Microsoft's, its rivalry with Google a new edge.
        await Store.MergeEntitiesAsync(Ids.Microsoft, Msft);
        Assert.Equal(2, (await Entity(Ids.Microsoft))!.Degree);
        await AssertAggregatesCountEdges();
    }

    private async Task AssertAggregatesCountEdges()
    {
        var relations = await Relations();
        var entities = await Search(null);
        Assert.Equal(entities.ToDictionary(e => e.Id, e => relations.Count(r => r.SubjectId == e.Id || r.ObjectId == e.Id)),
            entities.ToDictionary(e => e.Id, e => e.Degree));
        var stats = await Store.GetStatsAsync(1);
        Assert.Equal(entities.Max(e => e.Degree), Assert.Single(stats.MostConnected).Degree);

        // Counts by type, in the statistics and as the total of a listing filtered by type, are the edges there are.
        var byType = relations.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TypeCount(g.Key, g.Count())).ToList();
        Assert.Equal(byType, stats.RelationsByType);
        foreach (var type in new[] { "INVESTED_IN", "PARTNERED_WITH", "COMPETES_WITH", "WORKS_FOR" })
        {
            var listed = await Store.FindRelationsAsync(new RelationFilter(Types: [type]), new PageRequest(1));
            Assert.Equal(relations.Count(r => r.Type == type), listed.TotalCount);
        }
        var twoTypes = await Store.FindRelationsAsync(new RelationFilter(Types: ["INVESTED_IN", "PARTNERED_WITH"]), new PageRequest(1));
        Assert.Equal(relations.Count(r => r.Type is "INVESTED_IN" or "PARTNERED_WITH"), twoTypes.TotalCount);
    }

    [Fact]
    public async Task Unknown_ids_give_empty_answers()
    {
        await Ingest(MicrosoftInvestsInInflection());

        Assert.Empty(await Store.GetEntitiesAsync(["org:nobody"]));
        Assert.Single(await Store.GetEntitiesAsync(["org:nobody", Ids.Microsoft]));
        Assert.Empty(await Store.GetEvidenceAsync(["rel:nobody"]));
        Assert.Empty(await Store.GetTimelineAsync("org:nobody"));
        Assert.Null(await Store.FindShortestPathAsync("org:nobody", Ids.Microsoft, 3));
        Assert.Empty((await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:nobody"))).Nodes);
        Assert.Empty(await Relations(new RelationFilter(EntityIds: ["org:nobody"])));
        Assert.Empty(await ReadAll(p => Store.FindArticlesAsync(new ArticleFilter("org:nobody"), p)));
    }
}
