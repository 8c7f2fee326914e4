-- Scores as rows without their explanations, and the explanations once each.
-- 1. Equal scores share a rank (1, 2, 2, 4; SharedRanks): the order screening lists them in is fixed but means
--    nothing. The stored order, kept for paging, becomes "position".
-- 2. Every refresh (an import, a ruling, a referral) stores a whole run, and most entities' contributions are the
--    same as in the run before: about 1.5 kB each, 1 GB a run at 10M transfers. They are stored once, keyed by the
--    SHA-256 of their JSON; entity_score becomes a view that joins them back, so readers are unchanged.
-- One pass writes the new tables (no UPDATE of the old rows, which would leave a second copy until vacuum).
CREATE TABLE score_contributions (
    hash          bytea PRIMARY KEY,
    contributions jsonb NOT NULL
);

CREATE TABLE score_row (
    run_id             bigint           NOT NULL REFERENCES screening_run (id),
    side               text             NOT NULL CHECK (side IN ('SENDER', 'RECIPIENT')),
    position           integer          NOT NULL,
    rank               integer          NOT NULL,
    entity_id          text             NOT NULL,
    score              double precision NOT NULL,
    contributions_hash bytea            NOT NULL REFERENCES score_contributions (hash),
    PRIMARY KEY (run_id, side, position)
);

INSERT INTO score_contributions (hash, contributions)
SELECT DISTINCT ON (h) h, contributions
FROM (SELECT sha256(convert_to(contributions::text, 'UTF8')) AS h, contributions FROM entity_score) c
ORDER BY h;

INSERT INTO score_row (run_id, side, position, rank, entity_id, score, contributions_hash)
SELECT run_id, side, rank, rank() OVER (PARTITION BY run_id, side ORDER BY score DESC), entity_id, score,
       sha256(convert_to(contributions::text, 'UTF8'))
FROM entity_score;

DROP TABLE entity_score;
CREATE INDEX score_row_entity ON score_row (entity_id, run_id);

-- LEFT JOIN on the key: a query that reads no contribution does not join at all.
CREATE VIEW entity_score AS
SELECT s.run_id, s.side, s.position, s.rank, s.entity_id, s.score, c.contributions
FROM score_row s LEFT JOIN score_contributions c ON c.hash = s.contributions_hash;
