namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    private const string A = "org:a", B = "org:b", C = "org:c", D = "org:d", E = "org:e";

    /// <summary>E → A → B → C → D, plus A DEVELOPS a product; a chain whose distances are known.</summary>
    private async Task IngestChain() =>
        await Ingest(TestArticle.AtUrl("https://news.test/chain")
            .Org(A, "Alpha").Org(B, "Beta").Org(C, "Gamma").Org(D, "Delta").Org(E, "Epsilon")
            .Product("prod:a1", "Alpha One")
            .Relation("INVESTED_IN", E, A)
            .Relation("INVESTED_IN", A, B)
            .Relation("PART_OF", B, C)
            .Relation("ACQUIRED", C, D)
            .Relation("DEVELOPS", A, "prod:a1"));

    private static string[] NodeIds(Neighbourhood n) => n.Nodes.Select(e => e.Id).Order().ToArray();

    [Fact]
    public async Task Neighbourhood_follows_depth_and_direction()
    {
        await IngestChain();

        Assert.Equal([A, B, C], NodeIds(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(B))));
        Assert.Equal([A, B, C, "prod:a1"], NodeIds(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 2, Direction.Outgoing))));
        Assert.Equal([A, B, C, D, "prod:a1"], NodeIds(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 3, Direction.Outgoing))));
        Assert.Equal([B, C], NodeIds(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(C, 1, Direction.Incoming))));
        Assert.Equal([A, B, C, E], NodeIds(await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(C, 3, Direction.Incoming))));

        var two = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(B, 2));
        Assert.Equal([A, B, C, D, E, "prod:a1"], NodeIds(two));
        Assert.Equal(5, two.Edges.Count);
        Assert.False(two.Truncated);
        Assert.All(two.Edges, edge => Assert.Contains(two.Nodes, n => n.Id == edge.SubjectId));
    }

    [Fact]
    public async Task Neighbourhood_filters_relation_types_and_truncates_at_the_limit()
    {
        await IngestChain();

        var investments = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 3, Direction.Both, ["INVESTED_IN"]));
        Assert.Equal([A, B, E], NodeIds(investments));
        Assert.All(investments.Edges, e => Assert.Equal("INVESTED_IN", e.Type));

        var limited = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 3, Limit: 3));
        Assert.True(limited.Truncated);
        Assert.Equal(3, limited.Nodes.Count);
        Assert.Contains(limited.Nodes, n => n.Id == A);
        Assert.All(limited.Edges, e =>
        {
            Assert.Contains(limited.Nodes, n => n.Id == e.SubjectId);
            Assert.Contains(limited.Nodes, n => n.Id == e.ObjectId);
        });
    }

    /// <summary>A hub with five neighbours, one of which (n1) has three more; written out of order on purpose.</summary>
    private async Task IngestHub() =>
        await Ingest(TestArticle.AtUrl("https://news.test/hub")
            .Org("org:h", "Hub").Org("org:n1", "N One").Org("org:n2", "N Two").Org("org:n3", "N Three").Org("org:n4", "N Four")
            .Org("org:n5", "N Five").Org("org:m1", "M One").Org("org:m2", "M Two").Org("org:m3", "M Three")
            .Relation("INVESTED_IN", "org:n4", "org:h")
            .Relation("PARTNERED_WITH", "org:n2", "org:h")
            .Relation("INVESTED_IN", "org:h", "org:n5")
            .Relation("INVESTED_IN", "org:m3", "org:n1")
            .Relation("ACQUIRED", "org:h", "org:n1")
            .Relation("INVESTED_IN", "org:n3", "org:h")
            .Relation("INVESTED_IN", "org:n1", "org:m2")
            .Relation("INVESTED_IN", "org:n1", "org:m1")
            .Relation("COMPETES_WITH", "org:n2", "org:n1"));

    private static (string, string)[] EdgeEnds(Neighbourhood n) =>
        n.Edges.Select(e => string.CompareOrdinal(e.SubjectId, e.ObjectId) < 0 ? (e.SubjectId, e.ObjectId) : (e.ObjectId, e.SubjectId))
            .Order().ToArray();

    [Fact]
    public async Task Neighbourhood_stops_at_the_first_new_node_past_the_limit_in_a_stable_order()
    {
        await IngestHub();

        var three = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:h", 2, Limit: 3));
        Assert.True(three.Truncated);
        Assert.Equal(["org:h", "org:n1", "org:n2"], three.Nodes.Select(n => n.Id));
        Assert.Equal([("org:h", "org:n1"), ("org:h", "org:n2")], EdgeEnds(three));

        // Level one in id order, then n1's neighbours in id order: h and n2 are known, m1 is admitted, m2 is one too many.
        var seven = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:h", 2, Limit: 7));
        Assert.True(seven.Truncated);
        Assert.Equal(["org:h", "org:n1", "org:n2", "org:n3", "org:n4", "org:n5", "org:m1"], seven.Nodes.Select(n => n.Id));
        Assert.Equal([("org:h", "org:n1"), ("org:h", "org:n2"), ("org:h", "org:n3"), ("org:h", "org:n4"), ("org:h", "org:n5"), ("org:m1", "org:n1")],
            EdgeEnds(seven));

        var whole = await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:h", 2, Limit: 9));
        Assert.False(whole.Truncated);
        Assert.Equal(9, whole.Nodes.Count);
    }

    [Fact]
    public async Task Neighbourhood_follows_symmetric_relations_whichever_direction_is_asked()
    {
        await IngestHub();

        // n2 is stored on either end of its two symmetric edges; both count as outgoing and as incoming.
        Assert.Equal(["org:n2", "org:h", "org:n1"], (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:n2", 1, Direction.Outgoing))).Nodes.Select(n => n.Id));
        Assert.Equal(["org:n2", "org:h", "org:n1"], (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:n2", 1, Direction.Incoming))).Nodes.Select(n => n.Id));
        Assert.Equal(["org:n1", "org:m1", "org:m2", "org:n2"], (await Store.GetNeighbourhoodAsync(new NeighbourhoodQuery("org:n1", 1, Direction.Outgoing))).Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Neighbourhood_refuses_depths_outside_one_to_three()
    {
        await IngestChain();

        await Assert.ThrowsAsync<GraphQueryException>(() => Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 0)));
        await Assert.ThrowsAsync<GraphQueryException>(() => Store.GetNeighbourhoodAsync(new NeighbourhoodQuery(A, 4)));
    }

    [Fact]
    public async Task Shortest_path_is_found_within_the_maximum_depth_and_not_beyond()
    {
        await IngestChain();

        var path = await Store.FindShortestPathAsync(E, D, 4);
        Assert.NotNull(path);
        Assert.Equal([E, A, B, C, D], path.Nodes.Select(n => n.Id));
        Assert.Equal(["INVESTED_IN", "INVESTED_IN", "PART_OF", "ACQUIRED"], path.Edges.Select(e => e.Type));

        var reverse = await Store.FindShortestPathAsync(D, A, 3);
        Assert.NotNull(reverse);
        Assert.Equal([D, C, B, A], reverse.Nodes.Select(n => n.Id));

        Assert.Null(await Store.FindShortestPathAsync(E, D, 3));
        Assert.Null(await Store.FindShortestPathAsync(A, "org:nobody", 3));
    }

    [Fact]
    public async Task No_path_between_disconnected_entities()
    {
        await IngestChain();
        await Ingest(MicrosoftPartnersWithOpenAi());

        Assert.Null(await Store.FindShortestPathAsync(A, Ids.Microsoft, 6));
        var viaOpenAi = await Store.FindShortestPathAsync(Ids.Altman, Ids.Microsoft, 2);
        Assert.NotNull(viaOpenAi);
        Assert.Equal([Ids.Altman, Ids.OpenAi, Ids.Microsoft], viaOpenAi.Nodes.Select(n => n.Id));
    }
}
