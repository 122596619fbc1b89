// Neo4j 3.x and 4.0-4.3: constraint and index syntax before FOR … REQUIRE. 3.x treats an existing rule as done;
// on 4.0-4.3 the store ignores the "already exists" answer.
CREATE CONSTRAINT ON (e:Entity) ASSERT e.id IS UNIQUE;
CREATE CONSTRAINT ON (a:Article) ASSERT a.id IS UNIQUE;
CREATE CONSTRAINT ON (d:Deal) ASSERT d.id IS UNIQUE;
CREATE CONSTRAINT ON (m:MergedId) ASSERT m.id IS UNIQUE;
CREATE INDEX ON :Evidence(relationId);
CREATE INDEX ON :Evidence(articleId);
CREATE INDEX ON :Deal(articleId);
CREATE INDEX ON :MergedId(into);
// Search suffixes (Neo4j adapter, session 12): a search text is a prefix seek here instead of a scan of every entity.
CREATE INDEX ON :SearchSuffix(text);
