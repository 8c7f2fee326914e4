-- The victim register, pseudonymous by design: a victim is the identifier a foreign authority gave (a short code,
-- never a name), that authority, an age bracket at the time of the facts and the facilitators linked. No image,
-- description or name of a minor is ever stored: every text column is a bounded code or reference, and the only free
-- text is an administrative note capped at 200 characters (VictimSchemaTest keeps it so).
CREATE TABLE victim (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id           bigint      NOT NULL REFERENCES case_file (id),
    pseudonym         text        NOT NULL CHECK (pseudonym ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,39}$'),
    authority         text        NOT NULL CHECK (char_length(authority) BETWEEN 1 AND 120),
    authority_country char(2)     NOT NULL CHECK (authority_country ~ '^[A-Z]{2}$'),
    age_bracket       text        NOT NULL CHECK (age_bracket IN ('0-5', '6-11', '12-14', '15-17', '18+')),
    period_from       date,
    period_to         date,
    note              text        NOT NULL DEFAULT '' CHECK (char_length(note) <= 200),
    created_by        text        NOT NULL CHECK (char_length(created_by) <= 100),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
    UNIQUE (case_id, pseudonym)
);

-- The facilitator's record id, as case_subject keeps it: its entity is looked up in entity_member at read time, so a
-- later resolution run still finds the same person.
CREATE TABLE victim_facilitator (
    victim_id bigint      NOT NULL REFERENCES victim (id),
    record_id text        NOT NULL CHECK (record_id ~ '^[0-9]{1,18}:[SR]$'),
    added_by  text        NOT NULL CHECK (char_length(added_by) <= 100),
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (victim_id, record_id)
);

-- Money in integer minor units of an ISO 4217 currency. What is outstanding (awards - payments) is derived, never stored.
CREATE TABLE compensation_claim (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    victim_id        bigint      NOT NULL REFERENCES victim (id),
    claimant         text        NOT NULL CHECK (claimant IN ('CIVIL_PARTY', 'CIVI', 'FGTI', 'OTHER_AUTHORITY')),
    buyer_record_id  text        CHECK (buyer_record_id ~ '^[0-9]{1,18}:[SR]$'),
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    filed_on         date        NOT NULL,
    created_by       text        NOT NULL CHECK (char_length(created_by) <= 100),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE compensation_award (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    victim_id        bigint      NOT NULL REFERENCES victim (id),
    buyer_record_id  text        NOT NULL CHECK (buyer_record_id ~ '^[0-9]{1,18}:[SR]$'),
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    decided_on       date        NOT NULL,
    decision_reference text      NOT NULL CHECK (char_length(decision_reference) BETWEEN 1 AND 120),
    created_by       text        NOT NULL CHECK (char_length(created_by) <= 100),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE compensation_payment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    award_id     bigint      NOT NULL REFERENCES compensation_award (id),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    received_on  date        NOT NULL,
    created_by   text        NOT NULL CHECK (char_length(created_by) <= 100),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX victim_case ON victim (case_id);
CREATE INDEX compensation_claim_victim ON compensation_claim (victim_id);
CREATE INDEX compensation_award_victim ON compensation_award (victim_id);
CREATE INDEX compensation_payment_award ON compensation_payment (award_id);
