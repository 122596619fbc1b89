using KnowledgeGraph.Graph;

namespace KnowledgeGraph.Export;

/// <summary>
/// The nodes and then the edges of the exported part, read from the store page by page so that only the ids of
/// kept nodes stay in memory, never the whole graph.
/// </summary>
public sealed class GraphSource(IGraphStore store, ExportFilter filter)
{
    private readonly HashSet<string> _nodeIds = new(StringComparer.Ordinal);
    private Neighbourhood? _neighbourhood;

    public async IAsyncEnumerable<GraphEntity> NodesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (filter.EntityId is not null)
        {
            foreach (var node in (await NeighbourhoodAsync(cancellationToken)).Nodes.Where(KeepsType))
            {
                _nodeIds.Add(node.Id);
                yield return node;
            }
            yield break;
        }
        var search = new EntitySearch(Types: filter.EntityTypes);
        await foreach (var node in PagesAsync((page, ct) => store.SearchEntitiesAsync(search, page, ct), cancellationToken))
        {
            _nodeIds.Add(node.Id);
            yield return node;
        }
    }

    /// <summary>Edges between exported nodes; call after <see cref="NodesAsync"/> has been read to the end.</summary>
    public async IAsyncEnumerable<GraphRelation> EdgesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (filter.EntityId is not null)
        {
            foreach (var edge in (await NeighbourhoodAsync(cancellationToken)).Edges.Where(e => KeepsEdge(e) && Connects(e)))
                yield return edge;
            yield break;
        }
        var relations = new RelationFilter(Types: filter.RelationTypes, From: filter.From, To: filter.To);
        await foreach (var edge in PagesAsync((page, ct) => store.FindRelationsAsync(relations, page, ct), cancellationToken))
        {
            if (Connects(edge)) yield return edge;
        }
    }

    private bool KeepsType(GraphEntity node) =>
        filter.EntityTypes is not { Count: > 0 } types || types.Contains(node.Type, StringComparer.Ordinal);

    private bool KeepsEdge(GraphRelation edge) =>
        (filter.RelationTypes is not { Count: > 0 } types || types.Contains(edge.Type, StringComparer.Ordinal))
        && InRange(edge);

    /// <summary>An edge is in the range when its span of dates meets it; undated edges are left out of a dated export.</summary>
    private bool InRange(GraphRelation edge)
    {
        if (filter.From is null && filter.To is null) return true;
        var first = edge.FirstDate;
        var last = edge.LastDate ?? first;
        if (first is null || last is null) return false;
        return (filter.From is null || string.CompareOrdinal(last, filter.From) >= 0)
               && (filter.To is null || string.CompareOrdinal(first, filter.To) <= 0);
    }

    private bool Connects(GraphRelation edge) => _nodeIds.Contains(edge.SubjectId) && _nodeIds.Contains(edge.ObjectId);

    private async Task<Neighbourhood> NeighbourhoodAsync(CancellationToken cancellationToken) =>
        _neighbourhood ??= await store.GetNeighbourhoodAsync(
            new NeighbourhoodQuery(filter.EntityId!, filter.Depth, Direction.Both, filter.RelationTypes, filter.NeighbourhoodLimit), cancellationToken);

    private static async IAsyncEnumerable<T> PagesAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> fetch,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await fetch(new PageRequest(PageRequest.MaxPageSize, after), cancellationToken);
            foreach (var item in page.Items) yield return item.Node;
            if (!page.HasNextPage || page.EndCursor is null) yield break;
            after = page.EndCursor;
        }
    }
}
