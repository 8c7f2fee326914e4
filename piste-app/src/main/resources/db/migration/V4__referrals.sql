-- Foreign police referrals (HSI, NCMEC, NCA, AFP, FBI, EUROPOL...): the file as received, its referrals, the
-- subjects they name as written, and the entities each subject may be (see docs/referrals.md).

-- A referral file, identified by its SHA-256: importing the same file again does nothing.
CREATE TABLE referral_source (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256          char(64)    NOT NULL UNIQUE,
    original_name   text        NOT NULL,
    legal_reference text        NOT NULL,
    imported_at     timestamptz NOT NULL DEFAULT now()
);

-- One referral; its reference is unique across all files.
CREATE TABLE referral (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id     bigint      NOT NULL REFERENCES referral_source (id),
    position      integer     NOT NULL,
    ref           text        NOT NULL UNIQUE,
    agency        text        NOT NULL,
    referral_date date        NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_id, position)
);

-- A person a referral names, as written (empty text = not given). subject_index is the 0-based position in
-- the referral's subjects array.
CREATE TABLE referral_subject (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id    bigint  NOT NULL REFERENCES referral (id),
    subject_index  integer NOT NULL,
    role           text    NOT NULL CHECK (role IN ('BUYER', 'FACILITATOR')),
    name           text    NOT NULL,
    city           text    NOT NULL,
    phone          text    NOT NULL,
    email          text    NOT NULL,
    country        text    NOT NULL,
    transfer_refs  text[]  NOT NULL,
    UNIQUE (referral_id, subject_index)
);

-- An entity a subject may be. basis: TRANSFER_REFERENCE (a reference the subject cites is stored: certain),
-- RESOLVER (the subject joined the entity with the stored match model) or ANALYST (accepted by hand).
-- record_id is the party record the match rests on; the entity is found again through it after a new
-- resolution run (entity_id keeps the entity's id at matching time). evidence: [{field, value_a, value_b,
-- level, weight?}], value_a from the referral, value_b from the stored record.
CREATE TABLE referral_match (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  bigint           NOT NULL REFERENCES referral_subject (id),
    entity_id   text             NOT NULL,
    record_id   text             NOT NULL,
    basis       text             NOT NULL CHECK (basis IN ('TRANSFER_REFERENCE', 'RESOLVER', 'ANALYST')),
    probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
    evidence    jsonb            NOT NULL,
    status      text             NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACCEPTED', 'REJECTED')),
    decided_by  text             NOT NULL DEFAULT '',
    decided_at  timestamptz,
    note        text             NOT NULL DEFAULT '',
    UNIQUE (subject_id, entity_id)
);
CREATE INDEX referral_match_record ON referral_match (record_id);
