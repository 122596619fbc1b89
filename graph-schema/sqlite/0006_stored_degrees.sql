-- Version 6: each entity stores its degree (edges with it at either end), kept up to date by the writer.
-- Before, every entity read counted its edges in both neighbour indexes, so a 2-hop neighbourhood of 200 nodes next
-- to hubs walked thousands of index entries just to report degrees, and the most connected entities were found by
-- grouping every edge end of the graph.

ALTER TABLE entities ADD COLUMN degree INTEGER NOT NULL DEFAULT 0;

UPDATE entities SET degree = (SELECT count(*) FROM relations r WHERE r.subject_id = entities.id)
                           + (SELECT count(*) FROM relations r WHERE r.object_id = entities.id);
