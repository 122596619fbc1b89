namespace KnowledgeGraph.Graph.Neo4j;

internal static partial class Cypher
{
    private const string EntityMap =
        "{id: e.id, type: e.type, name: e.name, chineseName: e.chineseName, aliases: e.aliases, degree: e.degree}";

    private const string RelationMap = """
        {id: r.id, type: r.type, subjectId: s.id, objectId: o.id, confidence: r.confidence,
         role: r.role, amount: r.amount, currency: r.currency, round: r.round, lead: r.lead, date: r.date, product: r.product,
         firstDate: r.firstDate, lastDate: r.lastDate, evidenceCount: r.evidenceCount}
        """;

    public const string EntitiesById = "UNWIND $ids AS id MATCH (e:Entity {id: id}) USING INDEX e:Entity(id) RETURN " + EntityMap;

    /// <summary>
    /// Ranks candidates as <see cref="NameSearch"/> says. A non-empty text takes as candidates only the entities with a
    /// search suffix that starts with it (<see cref="SuffixesOf"/>), a prefix seek in the suffix index; every
    /// entity that ranks has one, and the rank decides as before, so the candidates change the cost, not the answer.
    /// </summary>
    private const string RankCandidates = """
        WITH e
        WHERE $types IS NULL OR e.type IN $types
        WITH e, CASE
            WHEN $q = '' OR $q IN e.nameKeys THEN 0
            WHEN $q IN e.keys THEN 1
            WHEN any(k IN e.keys WHERE k STARTS WITH $q) THEN 2
            WHEN $anywhere AND any(k IN e.keys WHERE k CONTAINS $q) THEN 3
            WHEN any(k IN e.keys WHERE any(w IN $wordStarts WHERE k CONTAINS w)) THEN 3
            ELSE 4 END AS rank
        WHERE rank < 4
        """;

    private const string AllEntities = "MATCH (e:Entity)\n";

    private const string EntitiesWithSuffix = """
        MATCH (x:SearchSuffix) USING INDEX x:SearchSuffix(text)
        WHERE x.text STARTS WITH $q
        MATCH (x)-[:SUFFIX_OF]->(e:Entity)
        WITH DISTINCT e

        """;

    public static string SearchEntities(bool everyEntity) => (everyEntity ? AllEntities : EntitiesWithSuffix) + RankCandidates + """

          AND ($afterRank IS NULL OR rank > $afterRank OR (rank = $afterRank AND e.id > $afterId))
        RETURN {rank: rank, entity: 
        """ + EntityMap + """
        } ORDER BY rank, e.id LIMIT $limit
        """;

    public static string CountSearch(bool everyEntity) => (everyEntity ? AllEntities : EntitiesWithSuffix) + RankCandidates + " RETURN count(e)";

    private const string RelationMatch = """
        MATCH (s:Entity)-[r:REL]->(o:Entity)
        WHERE ($types IS NULL OR r.type IN $types)
          AND ($entityIds IS NULL
               OR (($direction <> 'in' OR r.symmetric) AND s.id IN $entityIds)
               OR (($direction <> 'out' OR r.symmetric) AND o.id IN $entityIds))
          AND ($from IS NULL OR (r.lastDate IS NOT NULL AND substring(r.lastDate, 0, size($from)) >= substring($from, 0, size(r.lastDate))))
          AND ($to IS NULL OR (r.firstDate IS NOT NULL AND substring(r.firstDate, 0, size($to)) <= substring($to, 0, size(r.firstDate))))
          AND ($minAmount IS NULL OR r.amount >= $minAmount)
          AND ($maxAmount IS NULL OR r.amount <= $maxAmount)
          AND ($minConfidence IS NULL OR r.confidence >= $minConfidence)
        """;

    public const string FindRelations = RelationMatch + """
          AND ($after IS NULL OR r.id > $after)
        RETURN 
        """ + RelationMap + " ORDER BY r.id LIMIT $limit";

    public const string CountRelations = RelationMatch + " RETURN count(r)";

    private const string DealMatch = """
        MATCH (d:Deal)
        WHERE ($kinds IS NULL OR d.kind IN $kinds)
          AND ($partyIds IS NULL OR any(p IN d.partyIds WHERE p IN $partyIds))
          AND ($from IS NULL OR (d.filterDate IS NOT NULL AND substring(d.filterDate, 0, size($from)) >= substring($from, 0, size(d.filterDate))))
          AND ($to IS NULL OR (d.filterDate IS NOT NULL AND substring(d.filterDate, 0, size($to)) <= substring($to, 0, size(d.filterDate))))
          AND ($minAmount IS NULL OR d.amount >= $minAmount)
          AND ($maxAmount IS NULL OR d.amount <= $maxAmount)
          AND ($minConfidence IS NULL OR d.confidence >= $minConfidence)
        """;

    public const string FindDeals = DealMatch + """
          AND ($after IS NULL OR d.id > $after)
        RETURN {id: d.id, kind: d.kind, partyIds: d.partyIds, partyRoles: d.partyRoles, amount: d.amount, currency: d.currency,
                round: d.round, date: d.date, confidence: d.confidence, articleId: d.articleId,
                sentenceStart: d.sentenceStart, sentenceEnd: d.sentenceEnd, sentence: d.sentence}
        ORDER BY d.id LIMIT $limit
        """;

    public const string CountDeals = DealMatch + " RETURN count(d)";

    private const string ArticleMatch = """
        MATCH (a:Article)
        WHERE ($entityId IS NULL OR (a)-[:MENTIONS]->(:Entity {id: $entityId}))
          AND ($publishedFrom IS NULL OR (a.publishedAt IS NOT NULL AND substring(a.publishedAt, 0, 27) >= $publishedFrom))
          AND ($publishedTo IS NULL OR (a.publishedAt IS NOT NULL AND substring(a.publishedAt, 0, 27) <= $publishedTo))
        """;

    public const string FindArticles = ArticleMatch + """
          AND ($after IS NULL OR a.id > $after)
        RETURN {id: a.id, source: a.source, contentHash: a.contentHash, title: a.title, url: a.url, publishedAt: a.publishedAt,
                entityCount: a.entityCount, relationCount: a.relationCount}
        ORDER BY a.id LIMIT $limit
        """;

    public const string CountArticles = ArticleMatch + " RETURN count(a)";

    public const string EvidenceOf = """
        UNWIND $ids AS rid
        MATCH (ev:Evidence {relationId: rid}) USING INDEX ev:Evidence(relationId)
        OPTIONAL MATCH (a:Article {id: ev.articleId})
        RETURN {relationId: ev.relationId, articleId: ev.articleId, articleTitle: a.title, publishedAt: a.publishedAt,
                sentenceStart: ev.sentenceStart, sentenceEnd: ev.sentenceEnd, sentence: ev.sentence, confidence: ev.confidence}
        ORDER BY ev.relationId, ev.articleId, ev.sentenceStart
        """;

    /// <summary>Every edge at one hop from the given entities, with the entity it was reached from.</summary>
    public const string OneHop = """
        UNWIND $ids AS id
        MATCH (n:Entity {id: id})-[r:REL]-(:Entity) USING INDEX n:Entity(id)
        WHERE $types IS NULL OR r.type IN $types
        WITH n, r, startNode(r) AS s, endNode(r) AS o
        RETURN {from: n.id, relation: 
        """ + RelationMap + "}";

    /// <summary>
    /// For each entity of $ids (by position), its first $perNode neighbours in id order with every edge to each, edges
    /// in id order: a neighbourhood never needs more from one node, so a hub costs the server a sort, not the client a flood.
    /// Each row carries the neighbour's stored degree, which the walk uses to size its next requests.
    /// </summary>
    public const string NeighboursInOrder = """
        UNWIND range(0, size($ids) - 1) AS position
        WITH position, $ids[position] AS id
        MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
        MATCH (n)-[r:REL]-(m:Entity)
        WHERE ($types IS NULL OR r.type IN $types)
          AND ($direction = 'both' OR r.symmetric
               OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
        WITH position, n, m, r ORDER BY position, m.id, r.id
        WITH position, n, m, collect(r) AS edges ORDER BY position, m.id
        WITH position, n, collect({degree: m.degree, edges: edges})[..$perNode] AS firstNeighbours
        UNWIND firstNeighbours AS neighbour
        UNWIND neighbour.edges AS r
        WITH position, n, neighbour.degree AS degree, r, startNode(r) AS s, endNode(r) AS o
        RETURN {position: position, from: n.id, degree: degree, relation: 
        """ + RelationMap + "}";

    public const string TimelineRelations = """
        MATCH (e:Entity {id: $id})-[r:REL]-(:Entity) USING INDEX e:Entity(id)
        WITH DISTINCT r
        WITH r, startNode(r) AS s, endNode(r) AS o
        MATCH (ev:Evidence {relationId: r.id}) USING INDEX ev:Evidence(relationId)
        OPTIONAL MATCH (a:Article {id: ev.articleId})
        RETURN {date: ev.date, articleId: ev.articleId, articleTitle: a.title, relation: 
        """ + RelationMap + "}";

    public const string TimelineMentions = """
        MATCH (a:Article)-[:MENTIONS]->(e:Entity {id: $id}) USING INDEX e:Entity(id)
        RETURN {date: a.publishedDate, articleId: a.id, articleTitle: a.title}
        """;

    public const string CountAllArticles = "MATCH (a:Article) RETURN count(a)";
    public const string CountAllDeals = "MATCH (d:Deal) RETURN count(d)";
    public const string EntitiesByType = "MATCH (e:Entity) WITH e.type AS type, count(e) AS n RETURN {type: type, count: n} ORDER BY type";
    public const string RelationsByType = "MATCH (:Entity)-[r:REL]->(:Entity) WITH r.type AS type, count(r) AS n RETURN {type: type, count: n} ORDER BY type";
    public const string MostConnected = "MATCH (e:Entity) WITH e ORDER BY e.degree DESC, e.id LIMIT $limit RETURN " + EntityMap;
}
