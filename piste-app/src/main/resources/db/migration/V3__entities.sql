-- Entity resolution. The current resolution (membership and links) is replaced by every run; runs and
-- models are kept as history. Record ids are "<transfer id>:S" (sender) and "<transfer id>:R" (recipient).

-- A match model used by a run: its m and u tables ([field][level], fields and levels as named by the
-- resolver's MatchModel.fields()/levels()), its prior, a readable description, and a format version.
-- Incremental runs rebuild the model from m, u and prior.
CREATE TABLE match_model (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version     text             NOT NULL,
    prior       double precision NOT NULL,
    m           jsonb            NOT NULL,
    u           jsonb            NOT NULL,
    description text             NOT NULL,
    created_at  timestamptz      NOT NULL DEFAULT now()
);

-- One run of the resolver: what was asked, what was done, and what blocking produced.
CREATE TABLE resolution_run (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at       timestamptz      NOT NULL,
    finished_at      timestamptz      NOT NULL,
    requested        text             NOT NULL CHECK (requested IN ('FULL', 'INCREMENTAL')),
    mode             text             NOT NULL CHECK (mode IN ('FULL', 'INCREMENTAL')),
    note             text             NOT NULL,
    records          bigint           NOT NULL,
    new_records      bigint           NOT NULL,
    entities         bigint           NOT NULL,
    candidate_pairs  bigint           NOT NULL,
    reduction_ratio  double precision NOT NULL,
    block_cap        integer          NOT NULL,
    oversized_blocks jsonb            NOT NULL,
    links            bigint           NOT NULL,
    decisions        integer          NOT NULL,
    model_id         bigint           NOT NULL REFERENCES match_model (id)
);

-- Which entity each party record belongs to (the entity id is its smallest record id).
CREATE TABLE entity_member (
    record_id   text   PRIMARY KEY,
    entity_id   text   NOT NULL,
    side        char(1) NOT NULL CHECK (side IN ('S', 'R')),
    transfer_id bigint NOT NULL REFERENCES transfer (id),
    run_id      bigint NOT NULL REFERENCES resolution_run (id)
);
CREATE INDEX entity_member_entity ON entity_member (entity_id);
CREATE INDEX entity_member_transfer ON entity_member (transfer_id);

-- Why two records are in one entity: the link's weight and, per field, the values compared, the agreement
-- level and its weight (evidence: [{field, value_a, value_b, level, weight}]).
CREATE TABLE entity_link (
    record_a    text             NOT NULL,
    record_b    text             NOT NULL,
    weight      double precision NOT NULL,
    probability double precision NOT NULL,
    origin      text             NOT NULL CHECK (origin IN ('SCORED', 'ANALYST')),
    evidence    jsonb            NOT NULL,
    run_id      bigint           NOT NULL REFERENCES resolution_run (id),
    PRIMARY KEY (record_a, record_b)
);
CREATE INDEX entity_link_b ON entity_link (record_b);

-- An analyst's ruling on two records, passed to every run. The latest ruling on a pair wins.
CREATE TABLE analyst_decision (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_a   text        NOT NULL,
    record_b   text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('SAME', 'NOT_SAME')),
    decided_by text        NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    note       text        NOT NULL,
    CHECK (record_a <> record_b)
);
