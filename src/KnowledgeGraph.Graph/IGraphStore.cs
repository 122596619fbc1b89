using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph;

/// <summary>
/// The one port between the service and a graph store. The SQLite and Neo4j adapters implement it and
/// pass the same contract suite; nothing above this line knows which one it talks to.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores each article's extraction atomically; the batch is one transaction.</summary>
    Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ExtractionResult> articles, CancellationToken cancellationToken = default);

    /// <summary>Moves everything of <paramref name="dropId"/> onto <paramref name="keepId"/> and remembers it.</summary>
    Task<GraphEntity> MergeEntitiesAsync(string keepId, string dropId, CancellationToken cancellationToken = default);

    /// <summary>Removes an article's evidence, then relations and entities no evidence supports any more.</summary>
    Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GraphEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
    Task<Page<GraphEntity>> SearchEntitiesAsync(EntitySearch search, PageRequest page, CancellationToken cancellationToken = default);
    Task<Neighbourhood> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default);
    Task<GraphPath?> FindShortestPathAsync(string fromId, string toId, int maxDepth, CancellationToken cancellationToken = default);
    Task<Page<GraphRelation>> FindRelationsAsync(RelationFilter filter, PageRequest page, CancellationToken cancellationToken = default);
    Task<Page<GraphDeal>> FindDealsAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Evidence>> GetEvidenceAsync(IReadOnlyCollection<string> relationIds, CancellationToken cancellationToken = default);
    Task<Page<GraphArticle>> FindArticlesAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string entityId, CancellationToken cancellationToken = default);
    // Batches for nested fields of many entities at once: each answers, per entity, exactly what the single call would,
    // in one call to the store rather than one per entity.

    /// <summary>For each distinct id, what <see cref="GetTimelineAsync"/> answers for it (an unknown id: no events).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> GetTimelinesAsync(IReadOnlyCollection<string> entityIds,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// For each distinct id, what <see cref="FindArticlesAsync"/> answers for <c>new ArticleFilter(EntityId: id)</c> and the
    /// same <paramref name="page"/>; its cursors continue there.
    /// </summary>
    Task<IReadOnlyDictionary<string, Page<GraphArticle>>> FindArticlesOfEntitiesAsync(IReadOnlyCollection<string> entityIds, PageRequest page,
        CancellationToken cancellationToken = default);

    /// <summary>What <see cref="GetNeighbourhoodAsync"/> answers for each query, in the order of the queries.</summary>
    Task<IReadOnlyList<Neighbourhood>> GetNeighbourhoodsAsync(IReadOnlyList<NeighbourhoodQuery> queries, CancellationToken cancellationToken = default);

    Task<GraphStats> GetStatsAsync(int topEntities, CancellationToken cancellationToken = default);

    /// <summary>Answers quickly whether the store can be reached and queried.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
