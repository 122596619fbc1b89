-- Graph store schema, version 1. Applied once by SqliteGraphStore and recorded in schema_version.
-- Ids are the extractor's (org:microsoft ...); rows owned by an article cascade when the article goes.

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    title         TEXT,
    url           TEXT,
    published_at  TEXT,             -- ISO 8601 round-trip, UTC as given
    published_key TEXT NOT NULL,    -- published_at or '' : the paging sort key
    entity_count  INTEGER NOT NULL,
    relation_count INTEGER NOT NULL
) STRICT;
CREATE INDEX articles_by_published ON articles (published_key DESC, id);

CREATE TABLE entities (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    name         TEXT NOT NULL,
    chinese_name TEXT
) STRICT;
CREATE INDEX entities_by_type ON entities (type, id);

-- Which article vouches for which entity; an entity with no row here has no evidence left.
CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (entity_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_entities_by_article ON article_entities (article_id);

-- Aliases per contributing article ('' for aliases a merge carried over), so a replaced article takes its own away.
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    source    TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias, source)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_aliases_by_source ON entity_aliases (source);

-- Search terms: lower-cased name, Chinese name and aliases; rank 0 for names, 1 for aliases.
CREATE TABLE entity_terms (
    term      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    rank      INTEGER NOT NULL,
    PRIMARY KEY (term, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_terms_by_entity ON entity_terms (entity_id);

-- Character bigrams of each term, for substring search of Chinese names (two-character names included).
CREATE TABLE term_grams (
    gram      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    term      TEXT NOT NULL,
    PRIMARY KEY (gram, entity_id, term)
) STRICT, WITHOUT ROWID;
CREATE INDEX term_grams_by_entity ON term_grams (entity_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX mentions_by_article ON mentions (article_id);
CREATE INDEX mentions_by_entity ON mentions (entity_id);

-- One edge per (type, subject, object); the aggregate columns are derived from its evidence.
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
) STRICT;
CREATE UNIQUE INDEX relations_by_ends ON relations (subject_id, type, object_id);
CREATE INDEX relations_by_object ON relations (object_id, type);
CREATE INDEX relations_by_type ON relations (type, id);

CREATE TABLE evidence (
    seq         INTEGER PRIMARY KEY,
    relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
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
CREATE UNIQUE INDEX evidence_once ON evidence (relation_id, article_id, span_start, span_end);
CREATE INDEX evidence_by_article ON evidence (article_id);

CREATE TABLE deals (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
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
CREATE INDEX deals_by_article ON deals (article_id);

CREATE TABLE deal_parties (
    deal_id   TEXT NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    role      TEXT NOT NULL,
    PRIMARY KEY (deal_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX deal_parties_by_entity ON deal_parties (entity_id);

-- Merges remembered: an extractor id that was merged away resolves to the kept id on every later ingest.
CREATE TABLE entity_redirects (
    dropped_id TEXT PRIMARY KEY,
    kept_id    TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_redirects_by_kept ON entity_redirects (kept_id);
