using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> adapter must show. Subclass it once per adapter and return a fresh,
/// empty, initialised store from <see cref="CreateEmptyStoreAsync"/>; each test gets its own.
/// Conventions these tests fix, so that adapters agree:
/// - an invalid batch is refused with <see cref="GraphQueryException"/> code "INVALID_INPUT" naming the bad id or type;
///   other refused requests (unknown merge ids, depth or page size out of range) are GraphQueryExceptions too;
/// - a cursor that is malformed or was issued by another list gives code "BAD_CURSOR";
/// - an evidence's date is the relation's date attribute, else the article's publication day (yyyy-MM-dd);
///   dates of different precision match a range when they agree on their common prefix (2023 is in 2023-06..2023-12);
/// - search follows <see cref="NameSearch"/>: an exact name (or Chinese name) before an exact alias before a name or
///   alias that starts with the text before the rest — a substring for non-ASCII text, the start of a later word
///   otherwise; case-insensitive, full-width letters folded; ties in id order;
/// - a neighbourhood includes its centre, counts it against the limit, and holds only edges between its nodes;
///   it is walked breadth first, each level's nodes in the order they were admitted, each node's neighbours in
///   (neighbour id, relation id) order, and the walk stops at the first new node past the limit (Truncated);
///   symmetric relation types are followed whichever direction is asked.
/// </summary>
public abstract partial class GraphStoreContractTests : IAsyncLifetime
{
    private IGraphStore? _store;

    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("store not created yet");

    public async Task InitializeAsync() => _store = await CreateEmptyStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    protected async Task<IReadOnlyList<IngestOutcome>> Ingest(params TestArticle[] articles) =>
        await Store.IngestAsync(articles.Select(a => a.Build()).ToList());

    protected async Task<GraphEntity?> Entity(string id) => (await Store.GetEntitiesAsync([id])).SingleOrDefault();

    protected async Task<List<T>> ReadAll<T>(Func<PageRequest, Task<Page<T>>> query, int pageSize = 50)
    {
        var all = new List<T>();
        string? after = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var page = await query(new PageRequest(pageSize, after));
            all.AddRange(page.Items.Select(i => i.Node));
            if (!page.HasNextPage) return all;
            Assert.NotNull(page.EndCursor);
            after = page.EndCursor;
        }
        throw new InvalidOperationException("paging did not end");
    }

    protected Task<List<GraphRelation>> Relations(RelationFilter? filter = null) =>
        ReadAll(p => Store.FindRelationsAsync(filter ?? new RelationFilter(), p));

    protected Task<List<GraphDeal>> Deals(DealFilter? filter = null) =>
        ReadAll(p => Store.FindDealsAsync(filter ?? new DealFilter(), p));

    protected Task<List<GraphEntity>> Search(string? text, params string[] types) =>
        ReadAll(p => Store.SearchEntitiesAsync(new EntitySearch(text, types.Length == 0 ? null : types), p));

    protected async Task<GraphRelation> SingleRelation(string type, string subject, string @object)
    {
        var found = (await Relations(new RelationFilter(Types: [type], EntityIds: [subject])))
            .Where(r => (r.SubjectId == subject && r.ObjectId == @object) || (r.SubjectId == @object && r.ObjectId == subject))
            .ToList();
        return Assert.Single(found);
    }

    protected static long CountOf(IReadOnlyList<TypeCount> counts, string type) =>
        counts.SingleOrDefault(c => c.Type == type)?.Count ?? 0;

    protected static TestArticle MicrosoftInvestsInInflection(string url = "https://news.test/ms-inflection", string version = "v1") =>
        TestArticle.AtUrl(url, version, new DateTime(2024, 3, 19, 8, 0, 0, DateTimeKind.Utc))
            .WithMicrosoft().WithInflection().WithSuleyman()
            .Investment(Ids.Microsoft, Ids.Inflection, 1_300_000_000m, "2023-06")
            .Relation("FOUNDED", Ids.Suleyman, Ids.Inflection, 0.9)
            .Relation("JOINED", Ids.Suleyman, Ids.Microsoft, 0.85, new RelationAttributes(Role: "CEO", Date: "2024-03"));

    protected static TestArticle MicrosoftPartnersWithOpenAi(string url = "https://news.test/ms-openai") =>
        TestArticle.AtUrl(url, "v1", new DateTime(2023, 1, 23, 0, 0, 0, DateTimeKind.Utc))
            .WithMicrosoft().WithOpenAi().WithAltman()
            .Relation("PARTNERED_WITH", Ids.Microsoft, Ids.OpenAi, 0.9)
            .Relation("WORKS_FOR", Ids.Altman, Ids.OpenAi, 0.95, new RelationAttributes(Role: "CEO"))
            .Deal("PARTNERED_WITH", [new DealParty(Ids.Microsoft, "partner"), new DealParty(Ids.OpenAi, "partner")], date: "2023-01");
}
