-- What a resolution run saw, so that a later incremental run can tell that nothing was added or decided since and
-- keep it (an alert ruling or a referral changes the seeds, not the entities). NULL on earlier runs: not known to be
-- current, so the next incremental run resolves as before.
ALTER TABLE resolution_run ADD COLUMN last_decision bigint;
ALTER TABLE resolution_run ADD COLUMN multi_record_entities bigint;
