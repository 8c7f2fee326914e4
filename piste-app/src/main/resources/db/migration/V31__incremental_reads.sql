-- Which party records a resolution run moved: every membership row carries the run that wrote it, and the screening
-- kept in memory between refreshes reads only the rows written since it last read (ResidentTransfers).
CREATE INDEX entity_member_run ON entity_member (run_id);

-- Every transfer with an id up to this one is resolved (null: not known; the next run looks for the unresolved ones
-- among all transfers). Written by a run that read the new transfers while no import was half-stored (AdvisoryLocks),
-- with that run's id: trusted only while it is the run the index describes (an older version moves run_id only).
ALTER TABLE resolution_index ADD COLUMN resolved_through bigint, ADD COLUMN resolved_through_run bigint;
