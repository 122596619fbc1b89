using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Api.GraphQL.Loading;

public sealed record RelationsOfEntity(string EntityId, Direction Direction, string TypesKey);

public sealed record DealsOfEntity(string EntityId, string KindsKey, string? From, string? To, decimal? MinAmount);

public sealed record ArticlesOfEntity(string EntityId, PageRequest Page);

public sealed record NeighbourhoodOfEntity(string EntityId, int Depth, Direction Direction, string TypesKey, int Limit)
{
    public NeighbourhoodQuery ToQuery() => new(EntityId, Depth, Direction, GraphLoaders.ValuesOf(TypesKey), Limit);
}

/// <summary>
/// The batching loaders of one GraphQL request: nested fields of many parents become one store call per level
/// (or per 500 rows), not one per parent.
/// </summary>
public sealed class GraphLoaders
{
    /// <summary>Entities with at most this many relations have theirs loaded with their siblings' in one batch.</summary>
    public const int BatchableDegree = PageRequest.MaxPageSize;

    private readonly IGraphStore _store;

    public GraphLoaders(IGraphStore store)
    {
        _store = store;
        Entities = new BatchLoader<string, GraphEntity>(LoadEntitiesAsync, StringComparer.Ordinal);
        Evidence = new BatchLoader<string, IReadOnlyList<Evidence>>(LoadEvidenceAsync, StringComparer.Ordinal);
        Relations = new BatchLoader<RelationsOfEntity, IReadOnlyList<GraphRelation>>(LoadRelationsAsync);
        Deals = new BatchLoader<DealsOfEntity, IReadOnlyList<GraphDeal>>(LoadDealsAsync);
        Articles = new BatchLoader<ArticlesOfEntity, Page<GraphArticle>>(LoadArticlesAsync);
        Timelines = new BatchLoader<string, IReadOnlyList<TimelineEvent>>(LoadTimelinesAsync, StringComparer.Ordinal);
        Neighbourhoods = new BatchLoader<NeighbourhoodOfEntity, Neighbourhood>(LoadNeighbourhoodsAsync);
    }

    public BatchLoader<string, GraphEntity> Entities { get; }
    public BatchLoader<string, IReadOnlyList<Evidence>> Evidence { get; }
    public BatchLoader<RelationsOfEntity, IReadOnlyList<GraphRelation>> Relations { get; }
    public BatchLoader<DealsOfEntity, IReadOnlyList<GraphDeal>> Deals { get; }
    public BatchLoader<ArticlesOfEntity, Page<GraphArticle>> Articles { get; }
    public BatchLoader<string, IReadOnlyList<TimelineEvent>> Timelines { get; }
    public BatchLoader<NeighbourhoodOfEntity, Neighbourhood> Neighbourhoods { get; }

    public static string KeyOf(IReadOnlyCollection<string>? values) =>
        values is null || values.Count == 0 ? "" : string.Join(',', values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlyCollection<string>? ValuesOf(string key) => key.Length == 0 ? null : key.Split(',');

    private async Task<IReadOnlyDictionary<string, GraphEntity>> LoadEntitiesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var entities = await _store.GetEntitiesAsync(ids, cancellationToken).ConfigureAwait(false);
        return entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Evidence>>> LoadEvidenceAsync(IReadOnlyList<string> relationIds, CancellationToken cancellationToken)
    {
        var evidence = await _store.GetEvidenceAsync(relationIds, cancellationToken).ConfigureAwait(false);
        return evidence.GroupBy(e => e.RelationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Evidence>)g.ToList(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<RelationsOfEntity, IReadOnlyList<GraphRelation>>> LoadRelationsAsync(
        IReadOnlyList<RelationsOfEntity> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<RelationsOfEntity, IReadOnlyList<GraphRelation>>();
        foreach (var group in keys.GroupBy(k => (k.Direction, k.TypesKey)))
        {
            var ids = group.Select(k => k.EntityId).ToHashSet(StringComparer.Ordinal);
            var filter = new RelationFilter(Types: ValuesOf(group.Key.TypesKey), EntityIds: ids, Direction: group.Key.Direction);
            var relations = await ReadAllAsync(page => _store.FindRelationsAsync(filter, page, cancellationToken)).ConfigureAwait(false);
            foreach (var key in group)
                result[key] = relations.Where(r => Touches(r, key.EntityId, key.Direction)).ToList();
        }
        return result;
    }

    private async Task<IReadOnlyDictionary<DealsOfEntity, IReadOnlyList<GraphDeal>>> LoadDealsAsync(
        IReadOnlyList<DealsOfEntity> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DealsOfEntity, IReadOnlyList<GraphDeal>>();
        foreach (var group in keys.GroupBy(k => (k.KindsKey, k.From, k.To, k.MinAmount)))
        {
            var ids = group.Select(k => k.EntityId).ToHashSet(StringComparer.Ordinal);
            var filter = new DealFilter(Kinds: ValuesOf(group.Key.KindsKey), PartyIds: ids, From: group.Key.From, To: group.Key.To,
                MinAmount: group.Key.MinAmount);
            var deals = await ReadAllAsync(page => _store.FindDealsAsync(filter, page, cancellationToken)).ConfigureAwait(false);
            foreach (var key in group)
                result[key] = deals.Where(d => d.Parties.Any(p => p.EntityId == key.EntityId)).ToList();
        }
        return result;
    }

    /// <summary>Every parent of one field asks for the same page, so this is one store call per field.</summary>
    private async Task<IReadOnlyDictionary<ArticlesOfEntity, Page<GraphArticle>>> LoadArticlesAsync(
        IReadOnlyList<ArticlesOfEntity> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ArticlesOfEntity, Page<GraphArticle>>();
        foreach (var group in keys.GroupBy(k => k.Page))
        {
            var pages = await _store.FindArticlesOfEntitiesAsync([.. group.Select(k => k.EntityId)], group.Key, cancellationToken).ConfigureAwait(false);
            foreach (var key in group)
                result[key] = pages[key.EntityId];
        }
        return result;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> LoadTimelinesAsync(IReadOnlyList<string> entityIds,
        CancellationToken cancellationToken) =>
        await _store.GetTimelinesAsync(entityIds, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyDictionary<NeighbourhoodOfEntity, Neighbourhood>> LoadNeighbourhoodsAsync(
        IReadOnlyList<NeighbourhoodOfEntity> keys, CancellationToken cancellationToken)
    {
        var answers = await _store.GetNeighbourhoodsAsync([.. keys.Select(k => k.ToQuery())], cancellationToken).ConfigureAwait(false);
        return keys.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private static bool Touches(GraphRelation relation, string entityId, Direction direction) => direction switch
    {
        Direction.Outgoing => relation.SubjectId == entityId,
        Direction.Incoming => relation.ObjectId == entityId,
        _ => relation.SubjectId == entityId || relation.ObjectId == entityId,
    };

    private static async Task<List<T>> ReadAllAsync<T>(Func<PageRequest, Task<Page<T>>> read)
    {
        var all = new List<T>();
        var request = new PageRequest(PageRequest.MaxPageSize);
        while (true)
        {
            var page = await read(request).ConfigureAwait(false);
            all.AddRange(page.Items.Select(item => item.Node));
            if (!page.HasNextPage || page.EndCursor is null)
                return all;
            request = request with { After = page.EndCursor };
        }
    }
}
