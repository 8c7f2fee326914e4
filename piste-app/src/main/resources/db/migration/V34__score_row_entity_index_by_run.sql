-- Every read of a score by entity names its run too (the latest, or the one a page shows), so the index leads with the
-- run: a refresh's new rows then go to the index's last pages, the ones of its own run, instead of one page per entity
-- across every run stored (a run's rows are written in rank order, not by entity). On the 1M benchmark database (49
-- runs, 3.7M rows), inserting a run's 76,476 rows took 0.97-1.8 s with the old index, 0.88-0.90 s with this one and
-- 0.34-0.36 s with none.
DROP INDEX score_row_entity;
CREATE INDEX score_row_entity ON score_row (run_id, entity_id);
