-- Every sender is graded since rule set piste-typology-5: an alert needs the rule set's least score for its side as
-- well as a place in the top 1%. Each run keeps the minimums it was screened with (0 for earlier runs: their rule sets
-- had none).
ALTER TABLE screening_run
    ADD COLUMN sender_alert_minimum    double precision NOT NULL DEFAULT 0,
    ADD COLUMN recipient_alert_minimum double precision NOT NULL DEFAULT 0;
