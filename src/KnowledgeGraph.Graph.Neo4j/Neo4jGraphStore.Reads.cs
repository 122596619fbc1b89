using System.Globalization;

namespace KnowledgeGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int MaxPathDepth = 10;

    public async Task<IReadOnlyList<GraphEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        var result = await _cypher.RunAsync(new CypherStatement(Cypher.EntitiesById, Params(("ids", ids.Distinct().ToList()))), cancellationToken);
        return result.As<EntityRow>().Select(r => r.ToEntity()).ToList();
    }

    public async Task<Page<GraphEntity>> SearchEntitiesAsync(EntitySearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageCursor.CheckSize(page);
        var key = PageCursor.Decode("entities", page.After, 2);
        var query = NameSearch.Fold(search.Text ?? "");
        var anywhere = NameSearch.IsSubstringQuery(query);
        var filter = Params(("q", query), ("types", Nullable(search.Types)), ("anywhere", anywhere),
            ("wordStarts", anywhere ? [] : NameSearch.WordStartPatterns(query).ToList()));
        var paged = new Dictionary<string, object?>(filter)
        {
            ["afterRank"] = key is null ? null : PageCursor.KeyInt(key, 0, page.After!),
            ["afterId"] = key is null ? null : PageCursor.KeyString(key, 1, page.After!),
            ["limit"] = page.First + 1,
        };
        var everyEntity = query.Length == 0;
        var results = await _cypher.RunAsync(
            [new(Cypher.SearchEntities(everyEntity), paged), new(Cypher.CountSearch(everyEntity), filter)], cancellationToken);
        return ToPage(results[0].As<RankedEntityRow>(), results[1].SingleLong(), page.First,
            r => PageCursor.Encode("entities", r.Rank, r.Entity.Id), r => r.Entity.ToEntity());
    }

    public async Task<Page<GraphRelation>> FindRelationsAsync(RelationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageCursor.CheckSize(page);
        var key = PageCursor.Decode("relations", page.After, 1);
        var where = Params(
            ("types", Nullable(filter.Types)), ("entityIds", Nullable(filter.EntityIds)), ("direction", DirectionName(filter.Direction)),
            ("from", filter.From), ("to", filter.To),
            ("minAmount", (double?)filter.MinAmount), ("maxAmount", (double?)filter.MaxAmount), ("minConfidence", filter.MinConfidence));
        var results = await _cypher.RunAsync(
            [new(Cypher.FindRelations, Paged(where, key, page)), new(Cypher.CountRelations, where)], cancellationToken);
        return ToPage(results[0].As<RelationRow>(), results[1].SingleLong(), page.First,
            r => PageCursor.Encode("relations", r.Id), r => r.ToRelation());
    }

    public async Task<Page<GraphDeal>> FindDealsAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageCursor.CheckSize(page);
        var key = PageCursor.Decode("deals", page.After, 1);
        var where = Params(
            ("kinds", Nullable(filter.Kinds)), ("partyIds", Nullable(filter.PartyIds)), ("from", filter.From), ("to", filter.To),
            ("minAmount", (double?)filter.MinAmount), ("maxAmount", (double?)filter.MaxAmount), ("minConfidence", filter.MinConfidence));
        var results = await _cypher.RunAsync(
            [new(Cypher.FindDeals, Paged(where, key, page)), new(Cypher.CountDeals, where)], cancellationToken);
        return ToPage(results[0].As<DealRow>(), results[1].SingleLong(), page.First,
            r => PageCursor.Encode("deals", r.Id), r => r.ToDeal());
    }

    public async Task<Page<GraphArticle>> FindArticlesAsync(ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        PageCursor.CheckSize(page);
        var key = PageCursor.Decode("articles", page.After, 1);
        var where = Params(("entityId", filter.EntityId),
            ("publishedFrom", filter.PublishedFrom?.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)),
            ("publishedTo", filter.PublishedTo?.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture)));
        var results = await _cypher.RunAsync(
            [new(Cypher.FindArticles, Paged(where, key, page)), new(Cypher.CountArticles, where)], cancellationToken);
        return ToPage(results[0].As<ArticleRow>(), results[1].SingleLong(), page.First,
            r => PageCursor.Encode("articles", r.Id), r => r.ToArticle());
    }

    public async Task<IReadOnlyList<Evidence>> GetEvidenceAsync(IReadOnlyCollection<string> relationIds, CancellationToken cancellationToken = default)
    {
        if (relationIds.Count == 0) return [];
        var result = await _cypher.RunAsync(new CypherStatement(Cypher.EvidenceOf, Params(("ids", relationIds.Distinct().ToList()))), cancellationToken);
        return result.As<EvidenceRow>().Select(r => r.ToEvidence()).ToList();
    }

    public async Task<GraphStats> GetStatsAsync(int topEntities, CancellationToken cancellationToken = default)
    {
        if (topEntities < 0) throw new GraphQueryException("INVALID_ARGUMENT", $"topEntities {topEntities} is negative");
        var results = await _cypher.RunAsync(
        [
            new(Cypher.CountAllArticles), new(Cypher.CountAllDeals), new(Cypher.EntitiesByType), new(Cypher.RelationsByType),
            new(Cypher.MostConnected, Params(("limit", topEntities))),
        ], cancellationToken);
        return new GraphStats(
            results[0].SingleLong(), results[1].SingleLong(),
            results[2].As<TypeCountRow>().Select(r => new TypeCount(r.Type, r.Count)).ToList(),
            results[3].As<TypeCountRow>().Select(r => new TypeCount(r.Type, r.Count)).ToList(),
            results[4].As<EntityRow>().Select(r => r.ToEntity()).ToList());
    }

    private async Task<Neighbourhood> WalkNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var start = await GetEntitiesAsync([query.EntityId], cancellationToken);
        if (start.Count == 0) return new Neighbourhood([], [], false);

        // The same walk as every adapter: breadth first, each level's nodes expanded in the order they were admitted,
        // each node's neighbours in (neighbour id, relation id) order, stopping at the first new node past the limit.
        var admitted = new List<string> { query.EntityId };
        var admittedSet = new HashSet<string>(StringComparer.Ordinal) { query.EntityId };
        var edges = new Dictionary<string, GraphRelation>(StringComparer.Ordinal);
        var degrees = new Dictionary<string, int>(StringComparer.Ordinal) { [query.EntityId] = start[0].Degree };
        var frontier = new List<string> { query.EntityId };
        var truncated = false;
        for (var level = 0; level < query.Depth && frontier.Count > 0 && !truncated; level++)
        {
            var next = new List<string>();
            for (var asked = 0; asked < frontier.Count && !truncated;)
            {
                var chunk = NextChunk(frontier, asked, degrees, query.Limit - admitted.Count + 1);
                asked += chunk.Count;
                foreach (var (from, degree, relation) in await OrderedHopAsync(chunk, query, cancellationToken))
                {
                    var other = relation.SubjectId == from ? relation.ObjectId : relation.SubjectId;
                    if (!admittedSet.Contains(other))
                    {
                        if (admitted.Count >= query.Limit)
                        {
                            truncated = true;
                            break;
                        }
                        admittedSet.Add(other);
                        admitted.Add(other);
                        next.Add(other);
                        degrees[other] = degree;
                    }
                    edges.TryAdd(relation.Id, relation);
                }
            }
            frontier = next;
        }
        var nodes = (await GetEntitiesAsync(admitted, cancellationToken)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        return new Neighbourhood([.. admitted.Where(nodes.ContainsKey).Select(id => nodes[id])],
            [.. edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal)], truncated);
    }

    /// <summary>Frontier nodes asked about per round trip at most.</summary>
    private const int NeighbourhoodChunk = 32;

    /// <summary>
    /// The frontier nodes from <paramref name="from"/> on to ask about next: as few as could still fill the room left
    /// (<paramref name="wanted"/> new nodes: the limit's room and the one past it that ends the walk), judged by their
    /// stored degrees, so that a hub early in the frontier is asked about alone and the walk stops after it, rather
    /// than bringing a full chunk of hubs' neighbours that the limit then throws away. Which nodes go in which request
    /// changes the cost only: the answer is read in frontier order either way.
    /// </summary>
    private static List<string> NextChunk(List<string> frontier, int from, Dictionary<string, int> degrees, int wanted)
    {
        var chunk = new List<string>();
        long reach = 0;
        for (var i = from; i < frontier.Count && chunk.Count < NeighbourhoodChunk && reach < wanted; i++)
        {
            chunk.Add(frontier[i]);
            reach += Math.Min(degrees.GetValueOrDefault(frontier[i], wanted), wanted);
        }
        return chunk;
    }

    /// <summary>
    /// The edges of each node of <paramref name="nodes"/> in walk order. One neighbour more than the limit per node is
    /// enough to find the first new one past the limit, whatever was admitted before.
    /// </summary>
    private async Task<IEnumerable<(string From, int Degree, GraphRelation Relation)>> OrderedHopAsync(
        IReadOnlyList<string> nodes, NeighbourhoodQuery query, CancellationToken cancellationToken)
    {
        var result = await _cypher.RunAsync(new CypherStatement(Cypher.NeighboursInOrder, Params(
            ("ids", nodes.ToList()), ("types", Nullable(query.RelationTypes)), ("direction", DirectionName(query.Direction)),
            ("perNode", query.Limit + 1))), cancellationToken);
        return result.As<OrderedHopRow>()
            .Select(h => (h.Position, h.From, h.Degree, Relation: h.Relation.ToRelation()))
            .OrderBy(h => h.Position)
            .ThenBy(h => h.Relation.SubjectId == h.From ? h.Relation.ObjectId : h.Relation.SubjectId, StringComparer.Ordinal)
            .ThenBy(h => h.Relation.Id, StringComparer.Ordinal)
            .Select(h => (h.From, h.Degree ?? 0, h.Relation));
    }

    public async Task<GraphPath?> FindShortestPathAsync(string fromId, string toId, int maxDepth, CancellationToken cancellationToken = default)
    {
        if (maxDepth is < 1 or > MaxPathDepth)
            throw new GraphQueryException("INVALID_ARGUMENT", $"maximum depth {maxDepth} is outside 1..{MaxPathDepth}");
        var ends = await GetEntitiesAsync([fromId, toId], cancellationToken);
        if (ends.Count < (fromId == toId ? 1 : 2)) return null;
        if (fromId == toId) return new GraphPath(ends, []);

        var reachedBy = new Dictionary<string, GraphRelation?> { [fromId] = null };
        var frontier = new List<string> { fromId };
        for (var level = 0; level < maxDepth && frontier.Count > 0 && !reachedBy.ContainsKey(toId); level++)
        {
            var next = new List<string>();
            foreach (var (from, relation) in await HopAsync(frontier, cancellationToken))
            {
                var other = relation.SubjectId == from ? relation.ObjectId : relation.SubjectId;
                if (reachedBy.TryAdd(other, relation)) next.Add(other);
            }
            frontier = next;
        }
        if (!reachedBy.ContainsKey(toId)) return null;

        var nodeIds = new List<string> { toId };
        var pathEdges = new List<GraphRelation>();
        for (var at = toId; reachedBy[at] is { } edge;)
        {
            pathEdges.Add(edge);
            at = edge.SubjectId == at ? edge.ObjectId : edge.SubjectId;
            nodeIds.Add(at);
        }
        nodeIds.Reverse();
        pathEdges.Reverse();
        var entities = (await GetEntitiesAsync(nodeIds, cancellationToken)).ToDictionary(e => e.Id);
        return new GraphPath(nodeIds.Select(id => entities[id]).ToList(), pathEdges);
    }

    /// <summary>One breadth-first step of a path search: every edge at one hop from <paramref name="frontier"/>, in a stable order.</summary>
    private async Task<IEnumerable<(string From, GraphRelation Relation)>> HopAsync(IReadOnlyCollection<string> frontier, CancellationToken cancellationToken)
    {
        var result = await _cypher.RunAsync(
            new CypherStatement(Cypher.OneHop, Params(("ids", frontier.ToList()), ("types", null))), cancellationToken);
        return result.As<HopRow>()
            .Select(h => (h.From, Relation: h.Relation.ToRelation()))
            .OrderBy(h => h.From, StringComparer.Ordinal)
            .ThenBy(h => h.Relation.SubjectId == h.From ? h.Relation.ObjectId : h.Relation.SubjectId, StringComparer.Ordinal)
            .ThenBy(h => h.Relation.Id, StringComparer.Ordinal);
    }

    private static Page<T> ToPage<TRow, T>(IReadOnlyList<TRow> rows, long total, int first, Func<TRow, string> cursor, Func<TRow, T> map) =>
        new(rows.Take(first).Select(r => new PageItem<T>(cursor(r), map(r))).ToList(), rows.Count > first, total);

    private static Dictionary<string, object?> Paged(Dictionary<string, object?> where, System.Text.Json.JsonElement[]? key, PageRequest page) =>
        new(where)
        {
            ["after"] = key is null ? null : PageCursor.KeyString(key, 0, page.After!),
            ["limit"] = page.First + 1,
        };

    private static List<string>? Nullable(IReadOnlyCollection<string>? values) => values is null || values.Count == 0 ? null : values.ToList();

    private static string DirectionName(Direction direction) => direction switch
    {
        Direction.Outgoing => "out",
        Direction.Incoming => "in",
        _ => "both",
    };
}
