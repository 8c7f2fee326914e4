-- Search (issue 17): PostgreSQL's own indexes over the columns the import already normalises; no new column.
-- Names: a trigram index over the stored name (name_norm: NFC, spaces folded) without accents or case. It only narrows
-- the rows: the search then keeps a row when the resolver's own normalisation (Names, Nicknames) says the name matches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Schema-qualified: index expressions run with an empty search path during maintenance (VACUUM, ANALYZE).
CREATE FUNCTION search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX transfer_sender_name_trgm ON transfer USING gin (search_fold(sender_name_norm) gin_trgm_ops);
CREATE INDEX transfer_recipient_name_trgm ON transfer USING gin (search_fold(recipient_name_norm) gin_trgm_ops);
-- Phones in E.164, ID numbers as normalised at import, e-mail lower-cased (as Identifiers.email writes it), references.
CREATE INDEX transfer_sender_phone ON transfer (sender_phone_e164) WHERE sender_phone_e164 IS NOT NULL;
CREATE INDEX transfer_recipient_phone ON transfer (recipient_phone_e164) WHERE recipient_phone_e164 IS NOT NULL;
CREATE INDEX transfer_sender_id_number ON transfer (sender_id_number_norm) WHERE sender_id_number_norm <> '';
CREATE INDEX transfer_recipient_id_number ON transfer (recipient_id_number_norm) WHERE recipient_id_number_norm <> '';
CREATE INDEX transfer_sender_email ON transfer (lower(sender_email)) WHERE sender_email <> '';
CREATE INDEX transfer_recipient_email ON transfer (lower(recipient_email)) WHERE recipient_email <> '';
-- The unique (provider, reference) index leads with the provider: a reference alone needs its own.
CREATE INDEX transfer_reference ON transfer (reference);
