// Neo4j 4.4 and 5.x: named, idempotent constraints and indexes.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT deal_id IF NOT EXISTS FOR (d:Deal) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:MergedId) REQUIRE m.id IS UNIQUE;
CREATE INDEX evidence_relation IF NOT EXISTS FOR (e:Evidence) ON (e.relationId);
CREATE INDEX evidence_article IF NOT EXISTS FOR (e:Evidence) ON (e.articleId);
CREATE INDEX deal_article IF NOT EXISTS FOR (d:Deal) ON (d.articleId);
CREATE INDEX merged_into IF NOT EXISTS FOR (m:MergedId) ON (m.into);
// Search suffixes (Neo4j adapter, session 12): a search text is a prefix seek here instead of a scan of every entity.
CREATE INDEX search_suffix IF NOT EXISTS FOR (x:SearchSuffix) ON (x.text);
