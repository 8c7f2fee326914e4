-- Equal scores share a rank (1, 2, 2, 4; SharedRanks): the order screening lists them in is fixed but means nothing.
-- The stored order, kept for paging, becomes "position".
ALTER TABLE entity_score RENAME COLUMN rank TO position;
ALTER TABLE entity_score ADD COLUMN rank integer;
UPDATE entity_score es SET rank = r.shared
FROM (SELECT run_id, side, position, rank() OVER (PARTITION BY run_id, side ORDER BY score DESC) AS shared FROM entity_score) r
WHERE es.run_id = r.run_id AND es.side = r.side AND es.position = r.position;
ALTER TABLE entity_score ALTER COLUMN rank SET NOT NULL;
