-- Version 8: deals get an integer key, and their parties refer to it.
-- A deal's id is built from its article's hash id, so deal_parties, keyed by that id, took every new party on a random
-- page: at 100,000 articles it was the largest b-tree keyed at random (9,800 pages), and a batch of 1,000 articles
-- dirtied 4,700 of its pages, a third of all the pages the batch wrote (docs/benchmarks.md, session 8). Keyed by the
-- deal's integer key, new parties are appended. The id stays unique: the API speaks it and deals are listed in its order.
-- The old tables are renamed, copied and dropped, child before parent (see version 4 for why).

ALTER TABLE deal_parties RENAME TO v7_deal_parties;
ALTER TABLE deals RENAME TO v7_deals;

CREATE TABLE deals (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
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
    deal_key  INTEGER NOT NULL REFERENCES deals (key) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    role      TEXT NOT NULL,
    PRIMARY KEY (deal_key, ordinal)
) STRICT, WITHOUT ROWID;

INSERT INTO deals (id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence,
                   span_start, span_end, text)
SELECT id, article_key, kind, amount, amount_value, currency, round, date, filter_date, confidence, span_start, span_end, text
FROM v7_deals ORDER BY article_key, id;

INSERT INTO deal_parties (deal_key, ordinal, entity_id, role)
SELECT d.key, p.ordinal, p.entity_id, p.role FROM v7_deal_parties p JOIN deals d ON d.id = p.deal_id;

DROP TABLE v7_deal_parties;
DROP TABLE v7_deals;

CREATE INDEX deals_by_article ON deals (article_key);
CREATE INDEX deal_parties_by_entity ON deal_parties (entity_id);
