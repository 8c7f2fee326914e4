-- What a resolution run saw, so that a later incremental run can tell that nothing was added or decided since and
-- keep it (an alert ruling or a referral changes the seeds, not the entities): the number of analyst decisions it
-- read (they are never deleted, so an equal count is the same decisions; ids would not do, as an id is taken at
-- insert and a lower one can commit after a higher one). NULL on earlier runs: not known to be current, so the next
-- incremental run resolves as before.
ALTER TABLE resolution_run ADD COLUMN decisions_read bigint;
ALTER TABLE resolution_run ADD COLUMN multi_record_entities bigint;
