-- Screening results: each run with the rule set version that produced it, and every entity's score with its
-- contributions (indicator, value, points, explanation, evidence transfer references), ranked.
CREATE TABLE screening_run (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    rule_set_version text        NOT NULL,
    period_from      date,
    period_to        date,
    transfers        bigint      NOT NULL,
    senders          bigint      NOT NULL,
    recipients       bigint      NOT NULL,
    seeds            integer     NOT NULL
);

CREATE TABLE entity_score (
    run_id        bigint           NOT NULL REFERENCES screening_run (id),
    side          text             NOT NULL CHECK (side IN ('SENDER', 'RECIPIENT')),
    rank          integer          NOT NULL,
    entity_id     text             NOT NULL,
    score         double precision NOT NULL,
    contributions jsonb            NOT NULL,
    PRIMARY KEY (run_id, side, rank)
);
CREATE INDEX entity_score_entity ON entity_score (entity_id, run_id);
