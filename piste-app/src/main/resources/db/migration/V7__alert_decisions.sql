-- Analysts' rulings on alerts. entity_id is the entity's id when decided, which is also one of its party record
-- ids ("<transfer id>:S" or ":R"), so the ruling follows that record into whatever entity later runs put it in.
-- The latest ruling per entity and side wins. A CONFIRM makes the entity a screening seed; a DISMISS takes it off
-- the open alerts.
CREATE TABLE alert_decision (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_id  text        NOT NULL,
    side       text        NOT NULL CHECK (side IN ('SENDER', 'RECIPIENT')),
    decision   text        NOT NULL CHECK (decision IN ('CONFIRM', 'DISMISS')),
    note       text        NOT NULL,
    decided_by text        NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    CHECK (decision <> 'DISMISS' OR note <> '')
);
CREATE INDEX alert_decision_entity ON alert_decision (entity_id, side);
