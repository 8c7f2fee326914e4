-- Every refresh writes a score row for every entity (760,960 at 10M transfers). The two foreign keys checked each row
-- on its own (a look-up and a row lock each): two thirds of the time to write them (issue 19; 1M: 2.1-2.4 s with them,
-- 0.7-0.9 s without). One writer makes them (ScreeningService): the run it has just inserted, in the same transaction,
-- and explanations it has found stored or stores itself before the rows. What the keys still guarded is that a run or
-- an explanation rows point to is never removed or re-keyed: these triggers refuse it for the whole table, once a
-- statement.
ALTER TABLE score_row DROP CONSTRAINT score_row_run_id_fkey;
ALTER TABLE score_row DROP CONSTRAINT score_row_contributions_hash_fkey;

CREATE FUNCTION scores_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are kept: score rows point to them', TG_TABLE_NAME;
END $$;
CREATE TRIGGER screening_run_kept BEFORE DELETE OR TRUNCATE OR UPDATE OF id ON screening_run
    FOR EACH STATEMENT EXECUTE FUNCTION scores_kept();
CREATE TRIGGER score_contributions_kept BEFORE DELETE OR TRUNCATE OR UPDATE OF hash ON score_contributions
    FOR EACH STATEMENT EXECUTE FUNCTION scores_kept();
