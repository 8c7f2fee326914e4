-- Postal codes of both parties, as written (operator exports and person lists carry them).
ALTER TABLE transfer ADD COLUMN sender_postcode text NOT NULL DEFAULT '';
ALTER TABLE transfer ADD COLUMN recipient_postcode text NOT NULL DEFAULT '';
