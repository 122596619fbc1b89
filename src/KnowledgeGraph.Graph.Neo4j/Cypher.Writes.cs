namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Write statements. They run on Neo4j 3.1 and 5.x alike: $parameters only, no APOC, no version-specific syntax.
/// Removals leave DirtyRelation/DirtyEntity markers inside the transaction; <see cref="Settle"/> recomputes what they
/// and the edges a batch adds name, and removes the markers, so aggregates are always derived from the evidence that remains.
/// </summary>
internal static partial class Cypher
{
    public const string ReadArticleHashes =
        "UNWIND $ids AS id MATCH (a:Article {id: id}) USING INDEX a:Article(id) RETURN {id: a.id, contentHash: a.contentHash}";

    public const string ReadMerges =
        "UNWIND $ids AS id MATCH (m:MergedId {id: id}) USING INDEX m:MergedId(id) RETURN {id: m.id, into: m.into}";

    public const string ClearEvidence = """
        UNWIND $ids AS aid
        MATCH (ev:Evidence {articleId: aid}) USING INDEX ev:Evidence(articleId)
        CREATE (:DirtyRelation {id: ev.relationId, subjectId: ev.subjectId, objectId: ev.objectId, type: ev.type})
        DELETE ev
        """;

    public const string ClearMentions = """
        UNWIND $ids AS aid
        MATCH (a:Article {id: aid})-[m:MENTIONS]->(e:Entity) USING INDEX a:Article(id)
        CREATE (:DirtyEntity {id: e.id})
        DELETE m
        """;

    /// <summary>
    /// Takes the write lock of every existing entity the call will touch, the articles' earlier entities included, in id
    /// order: concurrent writers that share entities then wait for each other instead of deadlocking.
    /// </summary>
    public const string LockEntities = """
        UNWIND $ids AS aid
        OPTIONAL MATCH (:Article {id: aid})-[:MENTIONS]->(old:Entity)
        WITH collect(DISTINCT old.id) + $entityIds AS ids
        UNWIND ids AS id
        WITH DISTINCT id ORDER BY id
        MATCH (e:Entity {id: id}) USING INDEX e:Entity(id)
        SET e.degree = e.degree
        """;

    public const string ClearDeals = "UNWIND $ids AS aid MATCH (d:Deal {articleId: aid}) USING INDEX d:Deal(articleId) DELETE d";

    public const string UpsertArticles = """
        UNWIND $rows AS row
        MERGE (a:Article {id: row.id})
        SET a.source = row.source, a.contentHash = row.contentHash, a.title = row.title, a.url = row.url,
            a.publishedAt = row.publishedAt, a.publishedDate = row.publishedDate,
            a.entityCount = row.entityCount, a.relationCount = row.relationCount
        """;

    /// <summary>
    /// A stored entity is written only when the batch brings it a new alias, search key or Chinese name: a hub named in
    /// every batch is otherwise left as it is, and the commit has no property records to rewrite for it. A new entity
    /// starts without aliases and keys (a stored one always has a key: its name), so that it takes the same path and is
    /// recognised there. A new entity's search suffixes (<see cref="SuffixesOf"/> its keys) are created; a stored entity
    /// gets those of the keys it did not have, merged, which adds only those missing but cost Neo4j 3.1 about four times
    /// the server CPU of creating them (22,084 suffixes of 5,000 entities: 3.9 s against 0.9–1.5 s, docs/benchmarks.md,
    /// Session 12). A stored entity's keys include its name keys, so the keys it lacks are all that need suffixes.
    /// </summary>
    public static readonly string UpsertEntities = $$"""
        UNWIND $rows AS row
        MERGE (e:Entity {id: row.id})
        ON CREATE SET e.type = row.type, e.name = row.name, e.chineseName = row.chineseName, e.aliases = [],
            e.nameKeys = row.nameKeys, e.keys = [], e.degree = 0
        WITH e, row, [x IN row.aliases WHERE NOT x IN e.aliases] AS newAliases, [k IN row.keys WHERE NOT k IN e.keys] AS newKeys,
             size(e.keys) = 0 AS isNew
        WHERE size(newAliases) > 0 OR size(newKeys) > 0 OR (e.chineseName IS NULL AND row.chineseName IS NOT NULL)
        WITH e, row, newAliases, newKeys, isNew,
             {{SuffixesOf("[k IN row.keys + row.nameKeys WHERE NOT k IN e.keys]")}} AS suffixes
        SET e.nameKeys = CASE WHEN e.chineseName IS NULL AND row.chineseKey IS NOT NULL AND NOT row.chineseKey IN e.nameKeys
                THEN e.nameKeys + row.chineseKey ELSE e.nameKeys END,
            e.chineseName = coalesce(e.chineseName, row.chineseName),
            e.aliases = e.aliases + newAliases,
            e.keys = e.keys + newKeys
        FOREACH (text IN CASE WHEN isNew THEN suffixes ELSE [] END | CREATE (e)<-[:SUFFIX_OF]-(:SearchSuffix {text: text}))
        FOREACH (text IN CASE WHEN isNew THEN [] ELSE suffixes END | MERGE (e)<-[:SUFFIX_OF]-(:SearchSuffix {text: text}))
        """;

    /// <summary>
    /// Finds each of the batch's articles and entities once, then every mention reaches its ends by position in those
    /// lists ($articleIds and $entityIds, which the rows' article and entity fields index): a unique-index seek per node
    /// instead of two per mention. The ends were upserted earlier in the same transaction, so MERGE only ever finds them;
    /// it is used instead of MATCH because Neo4j 3.1 always plans a MERGE on a uniquely constrained property as a unique
    /// index seek, whatever its statistics, and because a MATCH that missed a node would shift every later position.
    /// Node ids (id(n) = $x) would need no seek at all, but 3.1's cost planner plans them as a scan of all nodes while
    /// the store is empty and keeps that plan cached.
    /// </summary>
    public const string CreateMentions = """
        UNWIND $articleIds AS id
        MERGE (a:Article {id: id})
        WITH collect(a) AS articles
        UNWIND $entityIds AS id
        MERGE (e:Entity {id: id})
        WITH articles, collect(e) AS entities
        UNWIND $rows AS row
        WITH articles[row.article] AS a, entities[row.entity] AS e, row
        CREATE (a)-[:MENTIONS {starts: row.starts, ends: row.ends, texts: row.texts, aliases: row.aliases, keys: row.keys}]->(e)
        """;

    public const string CreateEvidence = "UNWIND $rows AS row CREATE (ev:Evidence) SET ev = row";

    /// <summary>
    /// Adds a batch's aggregates (<see cref="EdgeAggregate"/>) to edges whose new evidence has no attributes, creating the
    /// edges that are new. It never reads an edge's stored evidence, so an edge between hubs costs the same in every
    /// batch. Runs before <see cref="Settle"/>, which recomputes from scratch any of these edges a removal also touched.
    /// Each entity is found once and the rows name their ends by position in $entityIds (see <see cref="CreateMentions"/>).
    /// </summary>
    public const string AddToEdges = """
        UNWIND $entityIds AS id
        MERGE (e:Entity {id: id})
        WITH collect(e) AS entities
        UNWIND $rows AS row
        WITH entities[row.subject] AS s, entities[row.object] AS o, row
        MERGE (s)-[r:REL {id: row.id}]->(o)
        ON CREATE SET r.type = row.type, r.symmetric = row.symmetric, r.evidenceCount = row.evidenceCount,
            r.confidence = row.confidence, r.firstDate = row.firstDate, r.lastDate = row.lastDate,
            s.degree = coalesce(s.degree, 0) + 1, o.degree = coalesce(o.degree, 0) + 1
        ON MATCH SET r.evidenceCount = r.evidenceCount + row.evidenceCount,
            r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
            r.firstDate = CASE WHEN r.firstDate IS NULL OR row.firstDate < r.firstDate THEN row.firstDate ELSE r.firstDate END,
            r.lastDate = CASE WHEN r.lastDate IS NULL OR row.lastDate > r.lastDate THEN row.lastDate ELSE r.lastDate END
        """;

    public const string CreateDeals = "UNWIND $rows AS row CREATE (d:Deal) SET d = row";

    public const string CountArticle = "MATCH (a:Article {id: $id}) RETURN count(a)";

    public const string DeleteArticle = "MATCH (a:Article {id: $id}) DETACH DELETE a";

    public const string ReadMergeParties = """
        MATCH (e:Entity) WHERE e.id IN [$keep, $drop]
        RETURN {id: e.id, name: e.name, chineseName: e.chineseName, aliases: e.aliases, keys: e.keys, nameKeys: e.nameKeys}
        """;

    public const string ReadRelationsOf = """
        MATCH (:Entity {id: $id})-[r:REL]-(:Entity)
        RETURN DISTINCT {id: r.id, type: r.type, subjectId: startNode(r).id, objectId: endNode(r).id}
        """;

    public static readonly string UpdateKeptNames = $$"""
        MATCH (k:Entity {id: $keep})
        SET k.aliases = $aliases, k.keys = $keys, k.nameKeys = $nameKeys, k.chineseName = $chineseName,
            k.pinnedAliases = coalesce(k.pinnedAliases, []) + [x IN $dropNames WHERE NOT x IN coalesce(k.pinnedAliases, [])],
            k.pinnedKeys = coalesce(k.pinnedKeys, []) + [x IN $dropKeys WHERE NOT x IN coalesce(k.pinnedKeys, [])]
        CREATE (:DirtyEntity {id: k.id})
        FOREACH (text IN {{SuffixesOf("$keys + $nameKeys")}} | MERGE (k)<-[:SUFFIX_OF]-(:SearchSuffix {text: text}))
        """;

    public const string MoveEvidence = """
        UNWIND $moves AS mv
        CREATE (:DirtyRelation {id: mv.newId, subjectId: mv.subjectId, objectId: mv.objectId, type: mv.type})
        WITH mv
        MATCH (ev:Evidence {relationId: mv.oldId}) USING INDEX ev:Evidence(relationId)
        SET ev.relationId = mv.newId, ev.subjectId = mv.subjectId, ev.objectId = mv.objectId
        """;

    public const string DeleteEvidenceOf = "UNWIND $ids AS rid MATCH (ev:Evidence {relationId: rid}) USING INDEX ev:Evidence(relationId) DELETE ev";

    public const string MoveMentions = """
        MATCH (a:Article)-[m:MENTIONS]->(:Entity {id: $drop})
        MATCH (k:Entity {id: $keep})
        MERGE (a)-[n:MENTIONS]->(k)
        SET n.starts = coalesce(n.starts, []) + coalesce(m.starts, []),
            n.ends = coalesce(n.ends, []) + coalesce(m.ends, []),
            n.texts = coalesce(n.texts, []) + coalesce(m.texts, []),
            n.aliases = coalesce(n.aliases, []) + [x IN coalesce(m.aliases, []) WHERE NOT x IN coalesce(n.aliases, [])],
            n.keys = coalesce(n.keys, []) + [x IN coalesce(m.keys, []) WHERE NOT x IN coalesce(n.keys, [])]
        DELETE m
        """;

    public const string MoveDealParties = """
        MATCH (d:Deal) WHERE $drop IN d.partyIds
        SET d.partyIds = [p IN d.partyIds | CASE WHEN p = $drop THEN $keep ELSE p END]
        """;

    public const string RedirectEarlierMerges = "MATCH (m:MergedId {into: $drop}) SET m.into = $keep";

    public const string RecordMerge = "MERGE (m:MergedId {id: $drop}) SET m.into = $keep";

    public const string EntitiesWithoutSuffixes = "MATCH (e:Entity) WHERE NOT (e)<-[:SUFFIX_OF]-(:SearchSuffix) RETURN e.id";

    /// <summary>For entities that have no suffix at all, so none needs merging (<see cref="UpsertEntities"/>).</summary>
    public static readonly string AddSuffixes = $$"""
        UNWIND $ids AS id
        MATCH (e:Entity {id: id}) USING INDEX e:Entity(id)
        FOREACH (text IN {{SuffixesOf("coalesce(e.keys, []) + coalesce(e.nameKeys, [])")}} | CREATE (e)<-[:SUFFIX_OF]-(:SearchSuffix {text: text}))
        """;

    public const string DeleteSuffixesOf = "MATCH (:Entity {id: $id})<-[:SUFFIX_OF]-(x:SearchSuffix) DETACH DELETE x";

    public const string DeleteEntity = "MATCH (e:Entity {id: $id}) DETACH DELETE e";

    /// <summary>
    /// Derives every marked or <paramref name="touchedEdges"/> edge from its evidence, drops edges and entities left
    /// with none, updates aliases and degrees. Touched edges are {id, subjectId, objectId, type} maps.
    /// </summary>
    public static IEnumerable<CypherStatement> Settle(IReadOnlyCollection<string> symmetricTypes, IReadOnlyList<Dictionary<string, object?>>? touchedEdges = null)
    {
        var parameters = new Dictionary<string, object?> { ["symmetric"] = symmetricTypes, ["edges"] = touchedEdges ?? [] };
        return
        [
            new(SettleEdges, parameters),
            new(DeleteSuffixesOfUnmentioned),
            new(DeleteUnmentionedEntities),
            new(RecomputeAliases),
            new(PruneSuffixes),
            new(RecomputeDegrees),
            new("MATCH (d:DirtyRelation) DELETE d"),
            new("MATCH (d:DirtyEntity) DELETE d"),
        ];
    }

    /// <summary>
    /// One pass per edge: both ends found by index, so MERGE and the evidence lookup never walk a hub's other edges;
    /// the edge is created if new, recomputed, and deleted again if no evidence is left.
    /// </summary>
    private const string SettleEdges = """
        OPTIONAL MATCH (d:DirtyRelation)
        WITH [x IN collect(d) | {id: x.id, subjectId: x.subjectId, objectId: x.objectId, type: x.type}] + $edges AS touched
        UNWIND touched AS t
        WITH DISTINCT t.id AS id, t.subjectId AS sid, t.objectId AS oid, t.type AS type
        MATCH (s:Entity {id: sid}) USING INDEX s:Entity(id)
        MATCH (o:Entity {id: oid}) USING INDEX o:Entity(id)
        MERGE (s)-[r:REL {id: id}]->(o)
        ON CREATE SET r.type = type, r.symmetric = type IN $symmetric,
            s.degree = coalesce(s.degree, 0) + 1, o.degree = coalesce(o.degree, 0) + 1
        WITH r, id
        OPTIONAL MATCH (ev:Evidence {relationId: id}) USING INDEX ev:Evidence(relationId)
        WITH r, ev ORDER BY ev.confidence DESC, ev.articleId, ev.sentenceStart
        WITH r, collect(ev) AS evs
        WITH r, evs, [e IN evs WHERE e.date IS NOT NULL | e.date] AS dates
        SET r.evidenceCount = size(evs),
            r.confidence = CASE WHEN size(evs) = 0 THEN 0.0 ELSE head(evs).confidence END,
            r.firstDate = reduce(m = head(dates), x IN dates | CASE WHEN x < m THEN x ELSE m END),
            r.lastDate = reduce(m = head(dates), x IN dates | CASE WHEN x > m THEN x ELSE m END),
            r.role = head([e IN evs WHERE e.role IS NOT NULL | e.role]),
            r.amount = head([e IN evs WHERE e.amount IS NOT NULL | e.amount]),
            r.currency = head([e IN evs WHERE e.currency IS NOT NULL | e.currency]),
            r.round = head([e IN evs WHERE e.round IS NOT NULL | e.round]),
            r.lead = head([e IN evs WHERE e.lead IS NOT NULL | e.lead]),
            r.date = head([e IN evs WHERE e.attributeDate IS NOT NULL | e.attributeDate]),
            r.product = head([e IN evs WHERE e.product IS NOT NULL | e.product])
        WITH r WHERE r.evidenceCount = 0
        DELETE r
        """;

    private const string DeleteSuffixesOfUnmentioned = """
        MATCH (d:DirtyEntity)
        WITH DISTINCT d.id AS eid
        MATCH (e:Entity {id: eid}) USING INDEX e:Entity(id) WHERE NOT (e)<-[:MENTIONS]-(:Article)
        MATCH (e)<-[:SUFFIX_OF]-(x:SearchSuffix)
        DETACH DELETE x
        """;

    private const string DeleteUnmentionedEntities = """
        MATCH (d:DirtyEntity)
        WITH DISTINCT d.id AS eid
        MATCH (e:Entity {id: eid}) USING INDEX e:Entity(id) WHERE NOT (e)<-[:MENTIONS]-(:Article)
        DETACH DELETE e
        """;

    /// <summary>
    /// An entity's aliases and search keys are its own names, those a merge brought, and those the articles that still
    /// mention it contributed: replacing or deleting an article takes its aliases away.
    /// </summary>
    private const string RecomputeAliases = """
        MATCH (d:DirtyEntity)
        WITH DISTINCT d.id AS eid
        MATCH (e:Entity {id: eid}) USING INDEX e:Entity(id)
        OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
        WITH e, collect(m) AS mentions
        WITH e, mentions,
             [x IN [e.name, e.chineseName] WHERE x IS NOT NULL] + coalesce(e.pinnedAliases, []) AS ownNames
        SET e.aliases = reduce(all = ownNames, m IN mentions | all + [x IN coalesce(m.aliases, []) WHERE NOT x IN all]),
            e.keys = reduce(all = coalesce(e.pinnedKeys, []) + coalesce(e.nameKeys, []), m IN mentions | all + [x IN coalesce(m.keys, []) WHERE NOT x IN all])
        """;

    /// <summary>
    /// Drops the search suffixes of keys an entity lost. A suffix of a key it still has stays: suffixes are only ever
    /// added for keys (ingest, merge), so every key keeps all of its own, and a leftover can only add a candidate to a
    /// search, never hide one.
    /// </summary>
    private const string PruneSuffixes = """
        MATCH (d:DirtyEntity)
        WITH DISTINCT d.id AS eid
        MATCH (e:Entity {id: eid}) USING INDEX e:Entity(id)
        MATCH (e)<-[:SUFFIX_OF]-(x:SearchSuffix)
        WHERE none(k IN coalesce(e.keys, []) + coalesce(e.nameKeys, []) WHERE k ENDS WITH x.text)
        DETACH DELETE x
        """;

    /// <summary>
    /// Exact degrees for the ends of edges a removal or merge touched; an edge a batch creates adds one to each end as
    /// it is created (<see cref="SettleEdges"/>), so adding to a hub never walks the hub's edges.
    /// </summary>
    private const string RecomputeDegrees = """
        OPTIONAL MATCH (x:DirtyEntity)
        WITH collect(x.id) AS fromEntities
        OPTIONAL MATCH (d:DirtyRelation)
        WITH fromEntities + collect(d.subjectId) + collect(d.objectId) AS ids
        UNWIND ids AS eid
        WITH DISTINCT eid
        MATCH (e:Entity {id: eid}) USING INDEX e:Entity(id)
        OPTIONAL MATCH (e)-[r:REL]-()
        WITH e, count(r) AS degree
        SET e.degree = degree
        """;
}
