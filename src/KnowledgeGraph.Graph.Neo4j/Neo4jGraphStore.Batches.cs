namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Nested fields of many entities at once. Each batch is one HTTP request (a neighbourhood: one per hop), however many
/// entities it serves; the statements are those of the single calls, so the answers are the same.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    private const int MaxNeighbourhoodDepth = 3;

    public async Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(string entityId, CancellationToken cancellationToken = default) =>
        (await GetTimelinesAsync([entityId], cancellationToken))[entityId];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineEvent>>> GetTimelinesAsync(IReadOnlyCollection<string> entityIds,
        CancellationToken cancellationToken = default)
    {
        var ids = entityIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, IReadOnlyList<TimelineEvent>>();
        var statements = ids.SelectMany(id => new CypherStatement[]
        {
            new(Cypher.TimelineRelations, Params(("id", id))), new(Cypher.TimelineMentions, Params(("id", id))),
        }).ToList();
        var results = await _cypher.RunAsync(statements, cancellationToken);
        return ids.Select((id, i) => (id, Events: Timeline(results[2 * i], results[2 * i + 1])))
            .ToDictionary(t => t.id, t => t.Events, StringComparer.Ordinal);
    }

    private static IReadOnlyList<TimelineEvent> Timeline(CypherResult relations, CypherResult mentions)
    {
        var withRelations = relations.As<TimelineRow>();
        var articlesWithRelations = withRelations.Select(r => r.ArticleId).ToHashSet();
        // An article that mentions the entity but says nothing about its relations is still an event of its own.
        var mentionsOnly = mentions.As<TimelineRow>().Where(r => !articlesWithRelations.Contains(r.ArticleId));
        return withRelations.Concat(mentionsOnly)
            .OrderBy(r => r.Date, StringComparer.Ordinal)
            .ThenBy(r => r.ArticleId, StringComparer.Ordinal)
            .ThenBy(r => r.Relation?.Id, StringComparer.Ordinal)
            .Select(r => new TimelineEvent(r.Date, r.ArticleId, r.ArticleTitle, r.Relation?.ToRelation()))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, Page<GraphArticle>>> FindArticlesOfEntitiesAsync(IReadOnlyCollection<string> entityIds,
        PageRequest page, CancellationToken cancellationToken = default)
    {
        PageCursor.CheckSize(page);
        var key = PageCursor.Decode("articles", page.After, 1);
        var ids = entityIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, Page<GraphArticle>>();
        var statements = ids.SelectMany(id =>
        {
            var where = Params(("entityId", id), ("publishedFrom", null), ("publishedTo", null));
            return new CypherStatement[] { new(Cypher.FindArticles, Paged(where, key, page)), new(Cypher.CountArticles, where) };
        }).ToList();
        var results = await _cypher.RunAsync(statements, cancellationToken);
        return ids.Select((id, i) => (id, Page: ToPage(results[2 * i].As<ArticleRow>(), results[2 * i + 1].SingleLong(), page.First,
                r => PageCursor.Encode("articles", r.Id), r => r.ToArticle())))
            .ToDictionary(p => p.id, p => p.Page, StringComparer.Ordinal);
    }

    public async Task<Neighbourhood> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) =>
        (await GetNeighbourhoodsAsync([query], cancellationToken))[0];

    /// <summary>
    /// The walks run one after another, each bounded by its own limit: a walk reads at most limit + 1 neighbours per
    /// node, so a hub never floods it, and it stops at the first new node past the limit like every adapter's walk.
    /// </summary>
    public async Task<IReadOnlyList<Neighbourhood>> GetNeighbourhoodsAsync(IReadOnlyList<NeighbourhoodQuery> queries,
        CancellationToken cancellationToken = default)
    {
        foreach (var query in queries)
        {
            if (query.Depth is < 1 or > MaxNeighbourhoodDepth)
                throw new GraphQueryException("INVALID_ARGUMENT", $"depth {query.Depth} is outside 1..{MaxNeighbourhoodDepth}");
            if (query.Limit < 1) throw new GraphQueryException("INVALID_ARGUMENT", $"limit {query.Limit} must be at least 1");
        }
        var answers = new List<Neighbourhood>(queries.Count);
        foreach (var query in queries) answers.Add(await WalkNeighbourhoodAsync(query, cancellationToken));
        return answers;
    }
}
