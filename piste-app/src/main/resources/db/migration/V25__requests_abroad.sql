-- Requests abroad (issue 18): a question put to a foreign authority for a case (mutual legal assistance, police
-- cooperation, a foreign FIU), with the minimised data package sent with it. LATE (sent, due date passed in Paris)
-- is derived when read, never stored, so it cannot go stale.
CREATE TABLE request_abroad (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    bigint      NOT NULL REFERENCES case_file (id),
    number     text        NOT NULL UNIQUE CHECK (number <> ''),
    channel    text        NOT NULL CHECK (channel IN ('MLA', 'POLICE', 'FIU')),
    country    text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    authority  text        NOT NULL CHECK (authority <> ''),
    question   text        NOT NULL CHECK (question <> '' AND length(question) <= 4000),
    status     text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENT', 'ANSWERED', 'CLOSED')),
    sent_on    date,
    due_on     date,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_abroad_case ON request_abroad (case_id);

-- What the package holds, chosen explicitly (minimisation): the subjects by the record id they were added to the
-- case with, and the transfers. Nothing outside these two lists leaves.
CREATE TABLE request_subject (
    request_id bigint NOT NULL REFERENCES request_abroad (id),
    record_id  text   NOT NULL,
    PRIMARY KEY (request_id, record_id)
);
CREATE TABLE request_transfer (
    request_id  bigint NOT NULL REFERENCES request_abroad (id),
    transfer_id bigint NOT NULL REFERENCES transfer (id),
    PRIMARY KEY (request_id, transfer_id)
);

-- One row per package produced: the files are re-produced from the selection, so the manifest (with each file's
-- SHA-256) is what is kept, not the files.
CREATE TABLE request_package (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      bigint      NOT NULL REFERENCES request_abroad (id),
    made_at         timestamptz NOT NULL DEFAULT now(),
    made_by         text        NOT NULL,
    sent_to         text        NOT NULL,
    manifest        jsonb       NOT NULL,
    manifest_sha256 char(64)    NOT NULL,
    subjects        int         NOT NULL,
    transfers       int         NOT NULL
);
CREATE INDEX request_package_request ON request_package (request_id);

-- The answer's files: imported like any file, with the request's number as legal reference.
CREATE TABLE request_answer (
    request_id bigint      NOT NULL REFERENCES request_abroad (id),
    source_id  bigint      NOT NULL UNIQUE REFERENCES source_file (id),
    linked_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, source_id)
);

-- Deadlines of the procedure, over every kind of request sent: V24's requisitions and the requests abroad.
CREATE OR REPLACE VIEW procedure_deadline AS
SELECT case_id, 'REQUISITION'::text AS kind, id AS item_id, number, addressee, due_on, status
FROM requisition WHERE status = 'SENT' AND due_on IS NOT NULL
UNION ALL
SELECT case_id, 'REQUEST_ABROAD'::text, id, number, authority || ' (' || country || ')', due_on, status
FROM request_abroad WHERE status = 'SENT' AND due_on IS NOT NULL;
