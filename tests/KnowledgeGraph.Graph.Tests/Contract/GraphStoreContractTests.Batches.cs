namespace KnowledgeGraph.Graph.Tests.Contract;

/// <summary>The batch reads behind nested API fields: per entity, the same answer as the single call, in one call.</summary>
public abstract partial class GraphStoreContractTests
{
    [Fact]
    public async Task Timelines_of_several_entities_in_one_call_are_each_entitys_own()
    {
        await Ingest(MicrosoftInvestsInInflection(), MicrosoftPartnersWithOpenAi());

        var timelines = await Store.GetTimelinesAsync([Ids.Suleyman, Ids.Microsoft, Ids.OpenAi, "per:nobody", Ids.Microsoft]);

        Assert.Equal(new[] { Ids.Microsoft, Ids.OpenAi, Ids.Suleyman, "per:nobody" }.Order(), timelines.Keys.Order());
        Assert.Empty(timelines["per:nobody"]);
        Assert.Equal(2, timelines[Ids.Microsoft].Select(e => e.ArticleId).Distinct().Count());
        Assert.Single(timelines[Ids.Suleyman].Select(e => e.ArticleId).Distinct());
        foreach (var (id, events) in timelines)
        {
            Assert.All(events.Where(e => e.Relation is not null), e => Assert.True(e.Relation!.SubjectId == id || e.Relation.ObjectId == id));
            Assert.Equal(await Store.GetTimelineAsync(id), events);
        }
    }

    [Fact]
    public async Task Articles_of_several_entities_page_as_each_entitys_own_list_does()
    {
        await Ingest(MicrosoftInvestsInInflection(), MicrosoftInvestsInInflection("https://news.test/ms-inflection-again"),
            MicrosoftPartnersWithOpenAi());
        string[] ids = [Ids.Microsoft, Ids.Inflection, Ids.OpenAi, "org:nobody"];

        var firstPages = await Store.FindArticlesOfEntitiesAsync(ids, new PageRequest(2));

        Assert.Equal(ids.Order(), firstPages.Keys.Order());
        Assert.Equal([3, 2, 1, 0], ids.Select(id => firstPages[id].TotalCount));
        foreach (var id in ids)
            AssertSamePage(await Store.FindArticlesAsync(new ArticleFilter(EntityId: id), new PageRequest(2)), firstPages[id]);

        // A cursor of the batch continues the entity's own list, and the other way round.
        var after = firstPages[Ids.Microsoft].EndCursor;
        Assert.True(firstPages[Ids.Microsoft].HasNextPage);
        var secondPage = (await Store.FindArticlesOfEntitiesAsync([Ids.Microsoft], new PageRequest(2, after)))[Ids.Microsoft];
        AssertSamePage(await Store.FindArticlesAsync(new ArticleFilter(EntityId: Ids.Microsoft), new PageRequest(2, after)), secondPage);
        Assert.Single(secondPage.Items);
        Assert.False(secondPage.HasNextPage);
        Assert.Equal(3, firstPages[Ids.Microsoft].Items.Concat(secondPage.Items).Select(i => i.Node.Id).Distinct().Count());

        var refused = await Assert.ThrowsAsync<GraphQueryException>(() => Store.FindArticlesOfEntitiesAsync([Ids.Microsoft], new PageRequest(2, "not-a-cursor")));
        Assert.Equal("BAD_CURSOR", refused.Code);
    }

    private static void AssertSamePage(Page<GraphArticle> expected, Page<GraphArticle> actual)
    {
        Assert.Equal(expected.Items.Select(i => (i.Cursor, i.Node)), actual.Items.Select(i => (i.Cursor, i.Node)));
        Assert.Equal(expected.HasNextPage, actual.HasNextPage);
        Assert.Equal(expected.TotalCount, actual.TotalCount);
    }

    [Fact]
    public async Task Neighbourhoods_of_several_centres_in_one_call_are_each_centres_own()
    {
        await IngestChain();
        NeighbourhoodQuery[] queries =
        [
            new(B),
            new(A, 2, Direction.Outgoing),
            new(C, 1, Direction.Incoming),
            new(A, 3, Direction.Both, ["INVESTED_IN"]),
            new(A, 3, Limit: 3),
            new("org:nobody", 2),
            new(B),
        ];

        var answers = await Store.GetNeighbourhoodsAsync(queries);

        Assert.Equal(queries.Length, answers.Count);
        Assert.Equal([A, B, C], NodeIds(answers[0]));
        Assert.Equal([A, B, C, "prod:a1"], NodeIds(answers[1]));
        Assert.Equal([B, C], NodeIds(answers[2]));
        Assert.Equal([A, B, E], NodeIds(answers[3]));
        Assert.True(answers[4].Truncated);
        Assert.Equal(3, answers[4].Nodes.Count);
        Assert.Empty(answers[5].Nodes);
        Assert.Equal(NodeIds(answers[0]), NodeIds(answers[6]));
        for (var i = 0; i < queries.Length; i++)
        {
            var alone = await Store.GetNeighbourhoodAsync(queries[i]);
            Assert.Equal(alone.Nodes.Select(n => n.Id), answers[i].Nodes.Select(n => n.Id));
            Assert.Equal(alone.Edges.Select(e => e.Id).Order(), answers[i].Edges.Select(e => e.Id).Order());
            Assert.Equal(alone.Truncated, answers[i].Truncated);
        }

        await Assert.ThrowsAsync<GraphQueryException>(() => Store.GetNeighbourhoodsAsync([new NeighbourhoodQuery(A), new NeighbourhoodQuery(B, 4)]));
    }
}
