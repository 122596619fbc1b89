using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ExtractionResult> articles, CancellationToken cancellationToken = default)
    {
        foreach (var article in articles) IngestPlan.Validate(article);
        if (articles.Count == 0) return [];

        var ids = articles.Select(a => ArticleIdentity.IdOf(a.Article)).ToList();
        var entityIds = articles.SelectMany(a => a.Entities.Select(e => e.Id)).Distinct().ToList();
        var known = await _cypher.RunAsync(
        [
            new(Cypher.ReadArticleHashes, Params(("ids", ids.Distinct().ToList()))),
            new(Cypher.ReadMerges, Params(("ids", entityIds))),
        ], cancellationToken);
        var storedHashes = known[0].As<ArticleHashRow>().ToDictionary(r => r.Id, r => r.ContentHash);
        var mergedInto = known[1].As<MergeRow>().ToDictionary(r => r.Id, r => r.Into);

        // An article named twice in one batch is judged version by version; only its last version is written.
        var lastIndex = new Dictionary<string, int>();
        for (var i = 0; i < ids.Count; i++) lastIndex[ids[i]] = i;
        var plan = new IngestPlan();
        var outcomes = new List<IngestOutcome>();
        var toClear = new HashSet<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            var id = ids[i];
            var hash = articles[i].Article.ContentHash;
            var status = !storedHashes.TryGetValue(id, out var stored) ? IngestStatus.Inserted
                : stored == hash ? IngestStatus.Unchanged
                : IngestStatus.Replaced;
            storedHashes[id] = hash;
            if (status != IngestStatus.Unchanged) toClear.Add(id);
            var counts = (Entities: articles[i].Entities.Select(e => e.Id).Distinct().Count(), Relations: articles[i].Relations.Count);
            if (lastIndex[id] == i && toClear.Contains(id)) counts = plan.Add(id, articles[i], mergedInto);
            outcomes.Add(new IngestOutcome(id, status, counts.Entities, counts.Relations));
        }
        if (toClear.Count == 0) return outcomes;

        // Concurrent writers must not interleave on the same article or entity. Upserting the articles first locks them
        // (their id is unique), so a second writer of the same article waits, then clears what the first one stored;
        // then the entities are locked in id order, so writers sharing entities queue instead of deadlocking. Every read
        // after those locks sees what the writers before committed, so evidence counts and degrees are never stale.
        var clear = Params(("ids", toClear.ToList()));
        var articleRows = InIdOrder(plan.Articles);
        var entityRows = InIdOrder(plan.EntityRows());
        var nodes = new BatchNodes(IdsOf(articleRows), IdsOf(entityRows));
        var (addedEdges, recomputedEdges) = plan.TouchedEdges();
        await _cypher.RunAsync(
        [
            new(Cypher.UpsertArticles, Params(("rows", articleRows))),
            new(Cypher.LockEntities, Params(("ids", toClear.ToList()), ("entityIds", nodes.EntityIds))),
            new(Cypher.ClearEvidence, clear),
            new(Cypher.ClearMentions, clear),
            new(Cypher.ClearDeals, clear),
            new(Cypher.UpsertEntities, Params([("rows", entityRows), .. Cypher.SuffixRule])),
            new(Cypher.CreateMentions, Params(("articleIds", nodes.ArticleIds), ("entityIds", nodes.EntityIds), ("rows", nodes.Mentions(plan.Mentions)))),
            new(Cypher.CreateEvidence, Params(("rows", plan.Evidence))),
            new(Cypher.CreateDeals, Params(("rows", plan.Deals))),
            new(Cypher.AddToEdges, Params(("entityIds", nodes.EntityIds), ("rows", nodes.Edges(addedEdges)))),
            .. Cypher.Settle(SymmetricTypes, recomputedEdges),
        ], cancellationToken);
        return outcomes;
    }

    /// <summary>Rows sorted by id; the sort is stable, so rows of one entity keep the order of their articles.</summary>
    private static List<Dictionary<string, object?>> InIdOrder(List<Dictionary<string, object?>> rows) =>
        rows.OrderBy(r => (string)r["id"]!, StringComparer.Ordinal).ToList();

    private static List<string> IdsOf(List<Dictionary<string, object?>> rows) => rows.Select(r => (string)r["id"]!).ToList();

    public async Task<GraphEntity> MergeEntitiesAsync(string keepId, string dropId, CancellationToken cancellationToken = default)
    {
        if (keepId == dropId)
            throw new GraphQueryException("INVALID_ARGUMENT", $"cannot merge entity '{keepId}' into itself");
        var read = await _cypher.RunAsync(
        [
            new(Cypher.ReadMergeParties, Params(("keep", keepId), ("drop", dropId))),
            new(Cypher.ReadRelationsOf, Params(("id", dropId))),
        ], cancellationToken);
        var parties = read[0].As<NamesRow>().ToDictionary(r => r.Id);
        foreach (var id in new[] { keepId, dropId })
        {
            if (!parties.ContainsKey(id)) throw new GraphQueryException("NOT_FOUND", $"entity '{id}' does not exist");
        }
        var (keep, drop) = (parties[keepId], parties[dropId]);

        var moves = new List<Dictionary<string, object?>>();
        var loops = new List<string>();
        foreach (var edge in read[1].As<EdgeRow>())
        {
            var key = RelationKey.Of(edge.Type, edge.SubjectId == dropId ? keepId : edge.SubjectId, edge.ObjectId == dropId ? keepId : edge.ObjectId);
            if (key.IsLoop) { loops.Add(edge.Id); continue; }
            moves.Add(new()
            {
                ["oldId"] = edge.Id, ["newId"] = key.Id, ["type"] = key.Type,
                ["subjectId"] = key.SubjectId, ["objectId"] = key.ObjectId,
            });
        }

        var aliases = (keep.Aliases ?? []).Concat(drop.Aliases ?? []).Append(drop.Name).Append(drop.ChineseName)
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Distinct(StringComparer.Ordinal).ToList();
        var chineseName = keep.ChineseName ?? drop.ChineseName;
        var dropNames = new[] { drop.Name, drop.ChineseName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        var pair = Params(("keep", keepId), ("drop", dropId));
        await _cypher.RunAsync(
        [
            new(Cypher.UpdateKeptNames, Params([("keep", keepId), ("aliases", aliases), ("keys", SearchKeys.Of(aliases)),
                ("nameKeys", SearchKeys.Of([keep.Name, chineseName])), ("chineseName", chineseName),
                ("dropNames", dropNames), ("dropKeys", SearchKeys.Of(dropNames)), .. Cypher.SuffixRule])),
            new(Cypher.MoveEvidence, Params(("moves", moves))),
            new(Cypher.DeleteEvidenceOf, Params(("ids", loops))),
            new(Cypher.MoveMentions, pair),
            new(Cypher.MoveDealParties, pair),
            new(Cypher.RedirectEarlierMerges, pair),
            new(Cypher.RecordMerge, pair),
            new(Cypher.DeleteSuffixesOf, Params(("id", dropId))),
            new(Cypher.DeleteEntity, Params(("id", dropId))),
            .. Cypher.Settle(SymmetricTypes),
        ], cancellationToken);
        return (await GetEntitiesAsync([keepId], cancellationToken)).Single();
    }

    public async Task<bool> DeleteArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        var ids = Params(("ids", new[] { articleId }));
        var results = await _cypher.RunAsync(
        [
            new(Cypher.CountArticle, Params(("id", articleId))),
            new(Cypher.ClearEvidence, ids),
            new(Cypher.ClearMentions, ids),
            new(Cypher.ClearDeals, ids),
            new(Cypher.DeleteArticle, Params(("id", articleId))),
            .. Cypher.Settle(SymmetricTypes),
        ], cancellationToken);
        return results[0].SingleLong() > 0;
    }
}
