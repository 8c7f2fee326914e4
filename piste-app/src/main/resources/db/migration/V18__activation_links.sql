-- Issue 16: an admin never knows another user's password. An account an admin creates (or whose password an admin
-- resets) awaits activation: its stored hash is of a random password nobody was told, and password sign-in is
-- refused until the holder sets their own password through a one-time link. Accounts that exist keep working.
ALTER TABLE app_user ADD COLUMN awaiting_activation boolean NOT NULL DEFAULT false;

-- One-time activation links. Only the SHA-256 of the 256-bit token is kept, so reading this table (or a backup)
-- gives no usable link. A link is used once (used_at), dies at expires_at, and a newer link for the same account
-- replaces the older unused ones (they are deleted when it is issued).
CREATE TABLE activation_link (
    token_sha256 text        PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    username     text        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    issued_at    timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    issued_by    text        NOT NULL,
    used_at      timestamptz
);
CREATE INDEX activation_link_user ON activation_link (username);
