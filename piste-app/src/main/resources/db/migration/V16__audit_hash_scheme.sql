-- The audit trail is keyed from now on: each new event's hash is an HMAC-SHA256 with a key kept outside the
-- database (see AuditKey), so a superuser who bypasses the append-only trigger cannot recompute the chain. Events
-- written before keep their plain SHA-256 and say so; every insert must name its scheme (no default).
ALTER TABLE audit_event ADD COLUMN scheme text NOT NULL DEFAULT 'sha256' CHECK (scheme IN ('sha256', 'hmac-sha256'));
ALTER TABLE audit_event ALTER COLUMN scheme DROP DEFAULT;
