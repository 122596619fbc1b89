-- Version 3: search matches the start of any word of a name or alias, and folds full-width letters.
-- term_words holds each search term from every later word start on ("research asia" and "asia" for
-- "microsoft research asia"), so a word prefix is a range scan. Terms are folded differently now, so the search
-- tables are emptied here and rebuilt by the store in this same transaction (SchemaMigrator's code step).

CREATE TABLE term_words (
    word      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    term      TEXT NOT NULL,
    PRIMARY KEY (word, entity_id, term)
) STRICT, WITHOUT ROWID;
CREATE INDEX term_words_by_entity ON term_words (entity_id);

DELETE FROM term_grams;
DELETE FROM entity_terms;
