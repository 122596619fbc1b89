using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Tests.Contract;

namespace KnowledgeGraph.Graph.Tests.Neo4j;

/// <summary>
/// The search suffixes the Neo4j adapter keeps beside each entity (<see cref="Cypher.SuffixesOf"/>), which a search
/// seeks instead of scanning every entity: given to a store written before them, and never missing or left behind.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jSearchSuffixTests
{
    private static readonly HttpClient Http = new();

    private const string Msft = "org:msft";

    [Fact]
    public async Task A_store_written_before_search_suffixes_gets_them_when_it_is_opened()
    {
        var store = await Neo4jTestServer.FreshStoreAsync(Http);
        await store.IngestAsync([MicrosoftAndMsft("https://news.test/suffixes").Build()]);
        var weiruan = await SearchIds(store, "微软");
        var micro = await SearchIds(store, "micro");
        await Run("MATCH (x:SearchSuffix) DETACH DELETE x");
        Assert.Empty(await SearchIds(store, "微软"));

        await new Neo4jGraphStore(Http, Neo4jTestServer.Options()).InitializeAsync();

        Assert.Equal([Ids.Microsoft, Msft], weiruan);
        Assert.Equal(weiruan, await SearchIds(store, "微软"));
        Assert.Equal(micro, await SearchIds(store, "micro"));
        await AssertSuffixesMatchKeys();
    }

    [Fact]
    public async Task Merging_and_deleting_keep_every_suffix_of_each_key_and_no_other()
    {
        var store = await Neo4jTestServer.FreshStoreAsync(Http);
        var first = MicrosoftAndMsft("https://news.test/first").WithSuleyman();
        var second = TestArticle.AtUrl("https://news.test/second").WithMicrosoft().WithNvidia();
        await store.IngestAsync([first.Build(), second.Build()]);
        await AssertSuffixesMatchKeys();

        await store.MergeEntitiesAsync(Ids.Microsoft, Msft);
        await AssertSuffixesMatchKeys();
        Assert.Equal([Ids.Microsoft], await SearchIds(store, "微软集团"));

        await store.DeleteArticleAsync(first.Id);
        await AssertSuffixesMatchKeys();
        Assert.Empty(await SearchIds(store, "苏莱曼"));
        Assert.Equal(0, (await Run("MATCH (x:SearchSuffix) WHERE NOT (x)-[:SUFFIX_OF]->(:Entity) RETURN count(x)")).SingleLong());
    }

    private static TestArticle MicrosoftAndMsft(string url) =>
        TestArticle.AtUrl(url).WithMicrosoft().Org(Msft, "MSFT", "微软集团", "MSFT", "微软集团")
            .Relation("PARTNERED_WITH", Ids.Microsoft, Msft);

    /// <summary>Each entity has a suffix node for every suffix its keys give, and none that is not the end of one of them.</summary>
    private static async Task AssertSuffixesMatchKeys()
    {
        var rows = await Run("""
            MATCH (e:Entity) OPTIONAL MATCH (e)<-[:SUFFIX_OF]-(x:SearchSuffix)
            RETURN e.id, e.keys + e.nameKeys, collect(x.text)
            """);
        Assert.NotEmpty(rows.Rows);
        foreach (var row in rows.Rows)
        {
            var keys = row[1].EnumerateArray().Select(k => k.GetString()!).ToList();
            var stored = row[2].EnumerateArray().Select(x => x.GetString()!).ToList();
            Assert.Subset(stored.ToHashSet(), ExpectedSuffixes(keys).ToHashSet());
            Assert.All(stored, text => Assert.Contains(keys, k => k.EndsWith(text, StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// The rule, stated here apart from the server's Cypher: every suffix of a key with a non-ASCII character; an ASCII
    /// key itself and its later word starts.
    /// </summary>
    private static IEnumerable<string> ExpectedSuffixes(IEnumerable<string> keys) =>
        keys.Where(k => k.Length > 0)
            .SelectMany(k => NameSearch.IsSubstringQuery(k) ? Enumerable.Range(0, k.Length).Select(i => k[i..]) : NameSearch.LaterWordStarts(k).Prepend(k));

    private static async Task<List<string>> SearchIds(IGraphStore store, string text) =>
        (await store.SearchEntitiesAsync(new EntitySearch(text), new PageRequest(50))).Items.Select(i => i.Node.Id).ToList();

    private static Task<CypherResult> Run(string statement) =>
        new CypherClient(Http, Neo4jTestServer.Options()).RunAsync(new CypherStatement(statement), CancellationToken.None);
}
