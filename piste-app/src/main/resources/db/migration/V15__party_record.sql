-- A party record is one side of one transfer: its sender ("<transfer id>:S") or its recipient ("<transfer id>:R").
-- The view gives one row per side with the party's fields under neutral names, so a reader of a record's fields no
-- longer chooses between the sender_* and recipient_* columns itself. record_id is computed and has no index: join
-- the view on (transfer_id, side), as entity_member carries both, or filter it by transfer_id.
-- UNION ALL rather than one CASE per column: a query on one side plans only that branch.
CREATE VIEW party_record AS
SELECT t.id || ':S' AS record_id, t.id AS transfer_id, 'S'::char(1) AS side,
       t.sender_given_names AS given_names, t.sender_middle_name AS middle_name, t.sender_surname AS surname,
       t.sender_full_name AS full_name, t.sender_name_norm AS name_norm,
       t.sender_birth_date AS birth_date, t.sender_birth_date_raw AS birth_date_raw,
       t.sender_id_type AS id_type, t.sender_id_number AS id_number, t.sender_id_number_norm AS id_number_norm,
       t.sender_phone AS phone, t.sender_phone_e164 AS phone_e164, t.sender_email AS email,
       t.sender_address AS address, t.sender_postcode AS postcode, t.sender_city AS city,
       t.sender_country AS country, t.sender_country_code AS country_code
FROM transfer t
UNION ALL
SELECT t.id || ':R', t.id, 'R'::char(1),
       t.recipient_given_names, t.recipient_middle_name, t.recipient_surname,
       t.recipient_full_name, t.recipient_name_norm,
       t.recipient_birth_date, t.recipient_birth_date_raw,
       t.recipient_id_type, t.recipient_id_number, t.recipient_id_number_norm,
       t.recipient_phone, t.recipient_phone_e164, t.recipient_email,
       t.recipient_address, t.recipient_postcode, t.recipient_city,
       t.recipient_country, t.recipient_country_code
FROM transfer t;
