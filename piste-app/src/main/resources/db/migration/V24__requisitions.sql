-- Requisitions (réquisitions) sent from a case to an operator, bank or e-wallet. LATE is not stored: it is derived
-- from SENT and due_on by one rule in Java (requisitions.Lateness), so it never goes stale overnight.
CREATE TABLE requisition (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id        bigint      NOT NULL REFERENCES case_file (id),
    -- The legal reference the answer will carry; compared trimmed and case aside (see requisition_number_key).
    number         text        NOT NULL CHECK (number <> '' AND number = btrim(number)),
    addressee      text        NOT NULL CHECK (addressee <> ''),
    addressee_kind text        NOT NULL CHECK (addressee_kind IN ('OPERATOR', 'BANK', 'EWALLET')),
    legal_basis    text        NOT NULL CHECK (legal_basis IN ('60-1', '77-1-1', '99-3')),
    period_from    date        NOT NULL,
    period_to      date        NOT NULL CHECK (period_to >= period_from),
    identifiers    jsonb       NOT NULL DEFAULT '[]',
    refs           jsonb       NOT NULL DEFAULT '[]',
    status         text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENT', 'ANSWERED')),
    sent_on        date,
    due_on         date,
    created_by     text        NOT NULL REFERENCES app_user (username),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'SENT' OR (sent_on IS NOT NULL AND due_on IS NOT NULL))
);
CREATE UNIQUE INDEX requisition_number_key ON requisition (lower(number));
CREATE INDEX requisition_case ON requisition (case_id, id);

-- The exports that answered a requisition. Row counts are the source file's own, joined when shown.
CREATE TABLE requisition_answer (
    requisition_id bigint      NOT NULL REFERENCES requisition (id),
    source_id      bigint      NOT NULL REFERENCES source_file (id),
    linked_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (requisition_id, source_id)
);

-- What procedure items wait for an answer, by due date. V25 replaces it with a UNION ALL of requests abroad:
-- keep these columns, in this order.
CREATE VIEW procedure_deadline AS
SELECT r.case_id, 'REQUISITION'::text AS kind, r.id AS item_id, r.number, r.addressee, r.due_on, r.status
FROM requisition r
WHERE r.status = 'SENT' AND r.due_on IS NOT NULL;
