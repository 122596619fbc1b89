using System.Collections.Concurrent;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Api.Tests.Infrastructure;

/// <summary>
/// Passes every call on to the real store and counts it by method name; <see cref="StatsDelay"/> makes the stats
/// call slow (until cancelled), for tests of the execution time limit; <see cref="StatsHold"/> keeps stats calls
/// waiting until the test lets them go; <see cref="Failure"/> makes every call after
/// start-up throw it instead of reaching the store, for tests of what clients see when the store fails.
/// </summary>
public sealed class CountingGraphStore(IGraphStore inner) : IGraphStore
{
    public TimeSpan StatsDelay { get; set; }

    /// <summary>While set and not completed, every stats call waits for it (or for its cancellation).</summary>
    public TaskCompletionSource? StatsHold { get; set; }

    public Exception? Failure { get; set; }

    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public int TotalCalls => _calls.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls);

    public void Reset() => _calls.Clear();

    private T Count<T>(string method, Func<T> call)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (Failure is not null && method != nameof(InitializeAsync)) throw Failure;
        return call();
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(InitializeAsync), () => inner.InitializeAsync(cancellationToken));

    public Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ExtractionResult> articles, CancellationToken cancellationToken = default) =>
        Count(nameof(IngestAsync), () => inner.IngestAsync(articles, cancellationToken));

    public Task<GraphEntity> MergeEntitiesAsync(string keepId, string dropId, CancellationToken cancellationToken = default) =>
        Count(nameof(MergeEntitiesAsync), () => inner.MergeEntitiesAsync(keepId, dropId, cancellationToken));

    public Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        Count(nameof(DeleteArticleAsync), () => inner.DeleteArticleAsync(articleId, cancellationToken));

    public Task<IReadOnlyList<GraphEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Count(nameof(GetEntitiesAsync), () => inner.GetEntitiesAsync(ids, cancellationToken));

    public Task<Page<GraphEntity>> SearchEntitiesAsync(EntitySearch search, PageRequest page, CancellationToken cancellationToken = default) =>
        Count(nameof(SearchEntitiesAsync), () => inner.SearchEntitiesAsync(search, page, cancellationToken));

    public Task<Neighbourhood> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) =>
        Count(nameof(GetNeighbourhoodAsync), () => inner.GetNeighbourhoodAsync(query, cancellationToken));

    public Task<GraphPath?> FindShortestPathAsync(string fromId, string toId, int maxDepth, CancellationToken cancellationToken = default) =>
        Count(nameof(FindShortestPathAsync), () => inner.FindShortestPathAsync(fromId, toId, maxDepth, cancellationToken));

    public Task<Page<GraphRelation>> FindRelationsAsync(RelationFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Count(nameof(FindRelationsAsync), () => inner.FindRelationsAsync(filter, page, cancellationToken));

    public Task<Page<GraphDeal>> FindDealsAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Count(nameof(FindDealsAsync), () => inner.FindDealsAsync(filter, page, cancellationToken));

    public Task<IReadOnlyList<Evidence>> GetEvidenceAsync(IReadOnlyCollection<string> relationIds, CancellationToken cancellationToken = default) =>
        Count(nameof(GetEvidenceAsync), () => inner.GetEvidenceAsync(relationIds, cancellationToken));

    public Task<Page<GraphArticle>> FindArticlesAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Count(nameof(FindArticlesAsync), () => inner.FindArticlesAsync(filter, page, cancellationToken));

    public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string entityId, CancellationToken cancellationToken = default) =>
        Count(nameof(GetTimelineAsync), () => inner.GetTimelineAsync(entityId, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> GetTimelinesAsync(IReadOnlyCollection<string> entityIds,
        CancellationToken cancellationToken = default) =>
        Count(nameof(GetTimelinesAsync), () => inner.GetTimelinesAsync(entityIds, cancellationToken));

    public Task<IReadOnlyDictionary<string, Page<GraphArticle>>> FindArticlesOfEntitiesAsync(IReadOnlyCollection<string> entityIds, PageRequest page,
        CancellationToken cancellationToken = default) =>
        Count(nameof(FindArticlesOfEntitiesAsync), () => inner.FindArticlesOfEntitiesAsync(entityIds, page, cancellationToken));

    public Task<IReadOnlyList<Neighbourhood>> GetNeighbourhoodsAsync(IReadOnlyList<NeighbourhoodQuery> queries, CancellationToken cancellationToken = default) =>
        Count(nameof(GetNeighbourhoodsAsync), () => inner.GetNeighbourhoodsAsync(queries, cancellationToken));

    public Task<GraphStats> GetStatsAsync(int topEntities, CancellationToken cancellationToken = default) =>
        Count(nameof(GetStatsAsync), () => SlowStats(topEntities, cancellationToken));

    private async Task<GraphStats> SlowStats(int topEntities, CancellationToken cancellationToken)
    {
        if (StatsDelay > TimeSpan.Zero) await Task.Delay(StatsDelay, cancellationToken);
        if (StatsHold is { } hold) await hold.Task.WaitAsync(cancellationToken);
        return await inner.GetStatsAsync(topEntities, cancellationToken);
    }

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        Count(nameof(PingAsync), () => inner.PingAsync(cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
