-- Version 4: smaller keys and fewer index entries per ingested article.
-- * Articles get an integer key; the tables an article owns refer to it instead of repeating its 34-character id.
-- * An alias is stored once per (entity, alias) with the number of stored articles that gave it, and pinned when a
--   merge carried it over. Which aliases an article gave an entity sits in that article's article_entities row, so
--   removing the article counts them down and drops those no article (and no merge) keeps.
-- * Relations are keyed by their id (WITHOUT ROWID), which drops the separate index on the id.
-- * Mentions are keyed by (article, entity, span), which drops the index by article.
-- The old tables are renamed, copied into the new ones and dropped, children before parents: with foreign keys on,
-- dropping a parent first would cascade into its children.

ALTER TABLE articles RENAME TO v3_articles;
ALTER TABLE article_entities RENAME TO v3_article_entities;
ALTER TABLE entity_aliases RENAME TO v3_entity_aliases;
ALTER TABLE mentions RENAME TO v3_mentions;
ALTER TABLE relations RENAME TO v3_relations;
ALTER TABLE evidence RENAME TO v3_evidence;
ALTER TABLE deals RENAME TO v3_deals;
ALTER TABLE deal_parties RENAME TO v3_deal_parties;

CREATE TABLE articles (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    source        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT,
    url           TEXT,
    published_at  TEXT,             -- ISO 8601 round-trip, UTC as given
    published_key TEXT NOT NULL,    -- published_at or '' : the paging sort key
    entity_count  INTEGER NOT NULL,
    relation_count INTEGER NOT NULL
) STRICT;

-- Which article vouches for which entity, and the aliases it gave it (a JSON array, NULL for none).
CREATE TABLE article_entities (
    entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    aliases     TEXT,
    PRIMARY KEY (entity_id, article_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    articles  INTEGER NOT NULL,     -- stored articles whose article_entities row lists it
    pinned    INTEGER NOT NULL,     -- 1: a merge carried it over; it stays whatever the articles
    PRIMARY KEY (entity_id, alias)
) STRICT, WITHOUT ROWID;

CREATE TABLE mentions (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (article_key, entity_id, span_start, span_end)
) STRICT, WITHOUT ROWID;

-- One edge per (type, subject, object), its id a hash of the three; the aggregate columns are derived from its evidence.
CREATE TABLE relations (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    subject_id     TEXT NOT NULL REFERENCES entities (id),
    object_id      TEXT NOT NULL REFERENCES entities (id),
    confidence     REAL NOT NULL,
    role           TEXT,
    amount         TEXT,            -- decimal as invariant text, exact
    amount_value   REAL,            -- the same amount as a number, for range filters
    currency       TEXT,
    round          TEXT,
    lead           INTEGER,
    attr_date      TEXT,
    product        TEXT,
    first_date     TEXT,
    last_date      TEXT,
    evidence_count INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE evidence (
    seq         INTEGER PRIMARY KEY,
    relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    evidence_date TEXT,             -- the relation's date attribute, else the article's publication day
    role        TEXT,
    amount      TEXT,
    amount_value REAL,
    currency    TEXT,
    round       TEXT,
    lead        INTEGER,
    attr_date   TEXT,
    product     TEXT
) STRICT;

CREATE TABLE deals (
    id           TEXT PRIMARY KEY,
    article_key  INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    amount       TEXT,
    amount_value REAL,
    currency     TEXT,
    round        TEXT,
    date         TEXT,
    filter_date  TEXT,              -- date, else the article's publication day
    confidence   REAL NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    text         TEXT NOT NULL
) STRICT;

CREATE TABLE deal_parties (
    deal_id   TEXT NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    role      TEXT NOT NULL,
    PRIMARY KEY (deal_id, ordinal)
) STRICT, WITHOUT ROWID;

INSERT INTO articles (id, source, content_hash, title, url, published_at, published_key, entity_count, relation_count)
SELECT id, source, content_hash, title, url, published_at, published_key, entity_count, relation_count
FROM v3_articles ORDER BY published_key, id;

INSERT INTO article_entities (entity_id, article_key, aliases)
SELECT ae.entity_id, a.key,
       (SELECT nullif(json_group_array(alias), '[]')
        FROM (SELECT al.alias FROM v3_entity_aliases al WHERE al.entity_id = ae.entity_id AND al.source = ae.article_id ORDER BY al.alias))
FROM v3_article_entities ae JOIN articles a ON a.id = ae.article_id;

-- Counted from the article lists just written, so counts and lists agree; source '' marked what a merge carried over.
INSERT INTO entity_aliases (entity_id, alias, articles, pinned)
SELECT ae.entity_id, j.value, count(*), 0 FROM article_entities ae, json_each(ae.aliases) j GROUP BY ae.entity_id, j.value;
INSERT INTO entity_aliases (entity_id, alias, articles, pinned)
SELECT entity_id, alias, 0, 1 FROM v3_entity_aliases WHERE source = '' GROUP BY entity_id, alias
ON CONFLICT (entity_id, alias) DO UPDATE SET pinned = 1;

INSERT OR IGNORE INTO mentions (article_key, entity_id, span_start, span_end, text)
SELECT a.key, m.entity_id, m.span_start, m.span_end, m.text FROM v3_mentions m JOIN articles a ON a.id = m.article_id;

INSERT INTO relations SELECT * FROM v3_relations;

INSERT INTO evidence (seq, relation_id, article_key, span_start, span_end, text, confidence, evidence_date,
                      role, amount, amount_value, currency, round, lead, attr_date, product)
SELECT e.seq, e.relation_id, a.key, e.span_start, e.span_end, e.text, e.confidence, e.evidence_date,
       e.role, e.amount, e.amount_value, e.currency, e.round, e.lead, e.attr_date, e.product
FROM v3_evidence e JOIN articles a ON a.id = e.article_id;

INSERT INTO deals (id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                   span_start, span_end, text)
SELECT d.id, a.key, d.kind, d.amount, d.amount_value, d.currency, d.round, d.date, d.filter_date, d.confidence,
       d.span_start, d.span_end, d.text
FROM v3_deals d JOIN articles a ON a.id = d.article_id;

INSERT INTO deal_parties SELECT * FROM v3_deal_parties;

DROP TABLE v3_deal_parties;
DROP TABLE v3_deals;
DROP TABLE v3_evidence;
DROP TABLE v3_mentions;
DROP TABLE v3_entity_aliases;
DROP TABLE v3_article_entities;
DROP TABLE v3_relations;
DROP TABLE v3_articles;

CREATE INDEX articles_by_published ON articles (published_key DESC, id);
CREATE INDEX article_entities_by_article ON article_entities (article_key);
CREATE INDEX mentions_by_entity ON mentions (entity_id);
CREATE INDEX relations_out ON relations (subject_id, object_id, id);
CREATE INDEX relations_in ON relations (object_id, subject_id, id);
CREATE INDEX relations_by_type ON relations (type, id);
CREATE UNIQUE INDEX evidence_once ON evidence (relation_id, article_key, span_start, span_end);
CREATE INDEX evidence_by_article ON evidence (article_key);
CREATE INDEX deals_by_article ON deals (article_key);
CREATE INDEX deal_parties_by_entity ON deal_parties (entity_id);
