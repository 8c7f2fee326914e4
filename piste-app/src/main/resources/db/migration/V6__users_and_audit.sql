-- Web users: local accounts (Argon2id hashes) with one role each; OIDC sign-ins map to the account of the same
-- username, so authorization stays here. Contact details are what deconfliction tells other teams.
CREATE TABLE app_user (
    username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
    display_name  text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ANALYST', 'INVESTIGATOR', 'PROSECUTOR', 'ADMIN')),
    unit          text        NOT NULL DEFAULT '',
    contact       text        NOT NULL DEFAULT '',
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL
);

-- The audit trail: every view, search and export of personal data, and every change, in order. Append-only
-- (the trigger refuses UPDATE and DELETE) and hash-chained: hash = SHA-256 of the previous hash and this row's
-- fields (see AuditChain), so `piste audit verify` finds any row changed, removed or inserted behind the
-- application's back.
CREATE TABLE audit_event (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    username   text        NOT NULL,
    action     text        NOT NULL,
    object     text        NOT NULL,
    case_id    bigint,
    detail     text        NOT NULL,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL UNIQUE
);
CREATE INDEX audit_event_user ON audit_event (username, seq);
CREATE INDEX audit_event_object ON audit_event (object, seq);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
