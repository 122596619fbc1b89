-- Version 9: the foreign keys of the tables a batch writes most are checked at commit (DEFERRABLE INITIALLY DEFERRED).
-- SQLite keeps a statement journal (the old image of every page a statement changes) for any multi-row statement that
-- may stop half-way, and an immediate foreign key may stop it. In a large store each new row of these tables lands on a
-- page written long ago, so the journal grew with the store, about a page per row (docs/benchmarks.md, session 13).
-- With the checks deferred, and the writer's inserts copying plain columns from a staging table with FAIL or IGNORE
-- for conflicts (GraphWriter.Stage), no such statement needs one. A failed statement still fails its whole batch, whose
-- transaction is rolled back; a row that refers to nothing fails it at its commit instead of at its statement.
-- Only the clause changes: keys, rows and indexes are copied as they are. The old tables are renamed, copied and
-- dropped, children before parents (see version 4 for why).

ALTER TABLE deal_parties RENAME TO v8_deal_parties;
ALTER TABLE deals RENAME TO v8_deals;
ALTER TABLE evidence RENAME TO v8_evidence;
ALTER TABLE relations RENAME TO v8_relations;
ALTER TABLE mentions RENAME TO v8_mentions;
ALTER TABLE article_entities RENAME TO v8_article_entities;

-- Which article vouches for which entity, and the aliases it gave it (a JSON array, NULL for none).
CREATE TABLE article_entities (
    entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    aliases     TEXT,
    PRIMARY KEY (entity_id, article_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE mentions (
    article_key INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (article_key, entity_id, span_start, span_end)
) STRICT, WITHOUT ROWID;

-- One edge per (type, subject, object), its id a hash of the three; the aggregate columns are derived from its evidence.
CREATE TABLE relations (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    type           TEXT NOT NULL,
    subject_id     TEXT NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
    object_id      TEXT NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
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
) STRICT;

CREATE TABLE evidence (
    seq          INTEGER PRIMARY KEY,
    relation_key INTEGER NOT NULL REFERENCES relations (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    article_key  INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    confidence   REAL NOT NULL,
    evidence_date TEXT,             -- the relation's date attribute, else the article's publication day
    role         TEXT,
    amount       TEXT,
    amount_value REAL,
    currency     TEXT,
    round        TEXT,
    lead         INTEGER,
    attr_date    TEXT,
    product      TEXT
) STRICT;

CREATE TABLE deals (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    article_key  INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
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
    deal_key  INTEGER NOT NULL REFERENCES deals (key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    ordinal   INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
    role      TEXT NOT NULL,
    PRIMARY KEY (deal_key, ordinal)
) STRICT, WITHOUT ROWID;

INSERT INTO article_entities (entity_id, article_key, aliases)
SELECT entity_id, article_key, aliases FROM v8_article_entities ORDER BY entity_id, article_key;

INSERT INTO mentions (article_key, entity_id, span_start, span_end, text)
SELECT article_key, entity_id, span_start, span_end, text FROM v8_mentions ORDER BY article_key, entity_id, span_start, span_end;

INSERT INTO relations (key, id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
                       attr_date, product, first_date, last_date, evidence_count)
SELECT key, id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
       attr_date, product, first_date, last_date, evidence_count
FROM v8_relations ORDER BY key;

INSERT INTO evidence (seq, relation_key, article_key, span_start, span_end, text, confidence, evidence_date,
                      role, amount, amount_value, currency, round, lead, attr_date, product)
SELECT seq, relation_key, article_key, span_start, span_end, text, confidence, evidence_date,
       role, amount, amount_value, currency, round, lead, attr_date, product
FROM v8_evidence ORDER BY seq;

INSERT INTO deals (key, id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                   span_start, span_end, text)
SELECT key, id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence,
       span_start, span_end, text
FROM v8_deals ORDER BY key;

INSERT INTO deal_parties (deal_key, ordinal, entity_id, role)
SELECT deal_key, ordinal, entity_id, role FROM v8_deal_parties ORDER BY deal_key, ordinal;

DROP TABLE v8_deal_parties;
DROP TABLE v8_deals;
DROP TABLE v8_evidence;
DROP TABLE v8_relations;
DROP TABLE v8_mentions;
DROP TABLE v8_article_entities;

CREATE INDEX article_entities_by_article ON article_entities (article_key);
CREATE INDEX mentions_by_entity ON mentions (entity_id);
CREATE INDEX relations_out ON relations (subject_id, object_id);
CREATE INDEX relations_in ON relations (object_id, subject_id);
CREATE UNIQUE INDEX evidence_once ON evidence (relation_key, article_key, span_start, span_end);
CREATE INDEX evidence_by_article ON evidence (article_key);
CREATE INDEX deals_by_article ON deals (article_key);
CREATE INDEX deal_parties_by_entity ON deal_parties (entity_id);
