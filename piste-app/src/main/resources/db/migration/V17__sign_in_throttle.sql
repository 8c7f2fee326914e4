-- Failed sign-ins, counted per account name (as typed, lower case) and per client address (IPv6 by /64), so a
-- brute force is slowed down and then locked out for a while (see SignInThrottle). Names that are no account are
-- counted the same way, so the answers do not tell which exist. trusted_address is where the account last signed in:
-- its own lockout does not hold that address back, so an attacker elsewhere cannot lock its owner out.
CREATE TABLE sign_in_failure (
    kind            text        NOT NULL CHECK (kind IN ('account', 'address')),
    key             text        NOT NULL CHECK (length(key) <= 100),
    failures        integer     NOT NULL,
    window_start    timestamptz NOT NULL,
    last_failure    timestamptz NOT NULL,
    locked_until    timestamptz,
    trusted_address text,
    PRIMARY KEY (kind, key)
);
CREATE INDEX sign_in_failure_last ON sign_in_failure (last_failure);
