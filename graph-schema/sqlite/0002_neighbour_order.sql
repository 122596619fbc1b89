-- Version 2: edges indexed by (one end, the other end, id), so a neighbourhood reads an entity's neighbours in a
-- stable order straight from an index and can stop as soon as its limit is reached. The relation id is a hash of
-- (type, subject, object), so the old unique index on those columns guarded nothing the primary key does not.

DROP INDEX relations_by_ends;
DROP INDEX relations_by_object;
CREATE INDEX relations_out ON relations (subject_id, object_id, id);
CREATE INDEX relations_in ON relations (object_id, subject_id, id);
