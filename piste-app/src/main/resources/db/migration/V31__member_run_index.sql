-- Which party records a resolution run moved: every membership row carries the run that wrote it, and the screening
-- kept in memory between refreshes reads only the rows written since it last read (ResidentTransfers).
CREATE INDEX entity_member_run ON entity_member (run_id);
