-- Version 5: relations get an integer key; the 32-hex-digit hash stays as a unique column, the id the API speaks.
-- Before, the hash was the key of the table, of evidence_once and of both neighbour indexes, so every new edge landed
-- on a random page of four b-trees and carried 36 bytes into each. Now a new edge is appended to the table, evidence
-- refers to the edge by its integer key, and the neighbour indexes end in that key (the rowid) instead of the hash.
-- The old tables are renamed, copied and dropped, child before parent (see version 4 for why).

ALTER TABLE relations RENAME TO v4_relations;
ALTER TABLE evidence RENAME TO v4_evidence;

-- One edge per (type, subject, object), its id a hash of the three; the aggregate columns are derived from its evidence.
CREATE TABLE relations (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
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
) STRICT;

CREATE TABLE evidence (
    seq          INTEGER PRIMARY KEY,
    relation_key INTEGER NOT NULL REFERENCES relations (key) ON DELETE CASCADE,
    article_key  INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
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

INSERT INTO relations (id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
                       attr_date, product, first_date, last_date, evidence_count)
SELECT id, type, subject_id, object_id, confidence, role, amount, amount_value, currency, round, lead,
       attr_date, product, first_date, last_date, evidence_count
FROM v4_relations ORDER BY id;

INSERT INTO evidence (seq, relation_key, article_key, span_start, span_end, text, confidence, evidence_date,
                      role, amount, amount_value, currency, round, lead, attr_date, product)
SELECT e.seq, r.key, e.article_key, e.span_start, e.span_end, e.text, e.confidence, e.evidence_date,
       e.role, e.amount, e.amount_value, e.currency, e.round, e.lead, e.attr_date, e.product
FROM v4_evidence e JOIN relations r ON r.id = e.relation_id;

DROP TABLE v4_evidence;
DROP TABLE v4_relations;

-- Each entry is (one end, the other end, key): a neighbourhood still reads neighbours in id order from the index.
CREATE INDEX relations_out ON relations (subject_id, object_id);
CREATE INDEX relations_in ON relations (object_id, subject_id);
CREATE INDEX relations_by_type ON relations (type, id);
CREATE UNIQUE INDEX evidence_once ON evidence (relation_key, article_key, span_start, span_end);
CREATE INDEX evidence_by_article ON evidence (article_key);
