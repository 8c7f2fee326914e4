-- Schema 12: the resolver compares twelve fields (the agency where a party acted and the counterparty of the transfer
-- were added after the city), dates of birth on seven levels (typing errors and close dates apart from outright
-- contradictions), and marks identifiers carried by other persons. A link's levels no longer fit 32 bits.
-- The stored links of the current resolution are converted, not dropped: the two new fields are "missing" (weight 0,
-- no value), the date level is computed again from the two dates the link compared (kept in link_record), the "names
-- read swapped" flag moves from bit 30 to bit 62. Weights stay those the run gave. The stored models keep their old
-- tables: the next resolution cannot rebuild them and runs in full, replacing these links.

-- The date-of-birth level of schema 12, frozen here (the resolver's Comparison.birthDate at the time).
CREATE FUNCTION pg_temp.birth_level_12(a date, b date) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    x text;
    y text;
    differing integer := 0;
    first integer := -1;
    years integer;
    days integer;
BEGIN
    IF a IS NULL OR b IS NULL THEN RETURN 0; END IF;
    IF a = b THEN RETURN 1; END IF;
    IF extract(year FROM a) = extract(year FROM b) AND extract(month FROM a) = extract(day FROM b)
            AND extract(day FROM a) = extract(month FROM b) THEN
        RETURN 2;
    END IF;
    years := abs(extract(year FROM a)::integer - extract(year FROM b)::integer);
    IF extract(month FROM a) = extract(month FROM b) AND extract(day FROM a) = extract(day FROM b)
            AND years IN (1, 10, 100) THEN
        RETURN 3;
    END IF;
    x := to_char(a, 'YYYYMMDD');
    y := to_char(b, 'YYYYMMDD');
    IF length(x) = 8 AND length(y) = 8 THEN
        FOR i IN 1..8 LOOP
            IF substr(x, i, 1) <> substr(y, i, 1) THEN
                differing := differing + 1;
                IF first < 0 THEN first := i; END IF;
            END IF;
        END LOOP;
        IF differing = 1 THEN RETURN 4; END IF;
        IF differing = 2 AND first < 8 AND substr(x, first + 1, 1) <> substr(y, first + 1, 1)
                AND substr(x, first, 1) = substr(y, first + 1, 1) AND substr(x, first + 1, 1) = substr(y, first, 1) THEN
            RETURN 4;
        END IF;
    END IF;
    days := abs(a - b);
    IF days <= 31 THEN RETURN 5; END IF;
    IF days <= 366 THEN RETURN 6; END IF;
    RETURN 7;
END
$$;

ALTER TABLE entity_link ALTER COLUMN levels TYPE bigint;

-- What each run did not compare, by kind (an ID number under 4 characters, a phone under 7 digits...): counted, never
-- dropped in silence. Runs stored before this schema counted nothing.
ALTER TABLE resolution_run ADD COLUMN not_compared jsonb NOT NULL DEFAULT '{}';

-- Old layout: 3 bits a field for ten fields, the date of birth in bits 9-11, bit 30 for names read swapped. The date
-- level is recomputed only where the old one was neither missing, exact nor day and month swapped (those three keep
-- their number); the record values are text, the date in the fourth place.
UPDATE entity_link l
SET levels = (l.levels & ((1::bigint << 30) - 1) & ~(7::bigint << 9))
        | (CASE WHEN (l.levels >> 9) & 7 IN (0, 1, 2) THEN (l.levels >> 9) & 7
                ELSE pg_temp.birth_level_12(NULLIF(ra.shown[4], '')::date, NULLIF(rb.shown[4], '')::date) END << 9)
        | (CASE WHEN l.levels & (1::bigint << 30) <> 0 THEN 1::bigint << 62 ELSE 0 END),
    weights = l.weights || ARRAY[0, 0]::double precision[]
FROM link_record ra, link_record rb
WHERE ra.record_id = l.record_a AND rb.record_id = l.record_b;

UPDATE link_record SET shown = shown || ARRAY['', '']::text[];

COMMENT ON TABLE entity_link IS 'Why two records are in one entity: the link''s weight, the agreement level of each '
    'compared field (packed, 3 bits a field, in the resolver''s field order; bit 62: names read swapped; bits 40 and up: '
    'an identifier carried by other persons) and the weights (the prior''s, then each field''s). The values compared '
    'are in link_record.';
