-- Version 7: the number of edges of each type is stored, and relations_by_type is gone.
-- That index was keyed by (type, hash id), so every new edge landed on a random page of it: in a profile of the
-- writer it was a third of the cost of storing an edge, and one of the two indexes (with the unique id) that made
-- the cost per article grow with the store. What it served: counts by type (now this table, kept by the writer
-- like entity degrees) and listings filtered by type, which now walk the unique id index in id order and skip
-- other types, as the unfiltered listing does.

DROP INDEX relations_by_type;

CREATE TABLE relation_type_counts (
    type      TEXT PRIMARY KEY,
    relations INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO relation_type_counts (type, relations) SELECT type, count(*) FROM relations GROUP BY type;
