-- Review of requests abroad (issue 18). Which records and transfers left in a package must stay known after the
-- selection changes: the ids are kept with the package (ids only; names stay in the tables they come from).
ALTER TABLE request_package
    ADD COLUMN record_ids   jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN transfer_ids jsonb NOT NULL DEFAULT '[]'::jsonb;

-- A request's number answers imports as a requisition's does: trimmed and case aside (cases.LegalReferences).
CREATE UNIQUE INDEX request_abroad_number_folded ON request_abroad (lower(btrim(number)));
