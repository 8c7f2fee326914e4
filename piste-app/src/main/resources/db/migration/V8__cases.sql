-- Case files with need-to-know: a case is seen by its team (case_member) and by prosecutors only.
-- Subjects keep the record id they were added with: the entity it belongs to is looked up in entity_member at
-- read time, so a later merge by resolution still finds the same person in two cases (deconfliction).
CREATE TABLE case_file (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference  text        NOT NULL CHECK (reference <> ''),
    title      text        NOT NULL CHECK (title <> ''),
    status     text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SUSPENDED', 'CLOSED')),
    lead       text        NOT NULL REFERENCES app_user (username),
    created_by text        NOT NULL REFERENCES app_user (username),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_member (
    case_id  bigint      NOT NULL REFERENCES case_file (id),
    username text        NOT NULL REFERENCES app_user (username),
    added_by text        NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, username)
);
CREATE INDEX case_member_user ON case_member (username);

-- label: the name as written in the record when it was added (a snapshot; the entity may change later).
CREATE TABLE case_subject (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   bigint      NOT NULL REFERENCES case_file (id),
    record_id text        NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('BUYER', 'FACILITATOR', 'VICTIM', 'OTHER')),
    label     text        NOT NULL,
    added_by  text        NOT NULL,
    added_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, record_id)
);
CREATE INDEX case_subject_record ON case_subject (record_id);

-- Provenance (source file, SHA-256, line) is the transfer's own, joined when shown.
CREATE TABLE case_evidence (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES case_file (id),
    transfer_id bigint      NOT NULL REFERENCES transfer (id),
    note        text        NOT NULL,
    added_by    text        NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, transfer_id)
);

CREATE TABLE case_note (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id  bigint      NOT NULL REFERENCES case_file (id),
    text     text        NOT NULL CHECK (text <> ''),
    author   text        NOT NULL,
    at       timestamptz NOT NULL DEFAULT now()
);

-- The case's timeline: every change, who made it and when (the audit trail holds the same, chained).
CREATE TABLE case_event (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id  bigint      NOT NULL REFERENCES case_file (id),
    at       timestamptz NOT NULL DEFAULT now(),
    username text        NOT NULL,
    kind     text        NOT NULL,
    detail   text        NOT NULL
);
CREATE INDEX case_event_case ON case_event (case_id, id);

-- Pairs of cases found sharing a subject, so each new conflict is audited once (case_low < case_high).
CREATE TABLE case_conflict (
    case_low   bigint      NOT NULL REFERENCES case_file (id),
    case_high  bigint      NOT NULL REFERENCES case_file (id),
    first_seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_low, case_high),
    CHECK (case_low < case_high)
);
