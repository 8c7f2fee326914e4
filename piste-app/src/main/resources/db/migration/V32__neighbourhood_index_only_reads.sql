-- The look-ups of an incremental resolution read the entity and the record count of every row they find: held in the
-- index, a block's rows are read from the index alone (once the table's pages are all visible: a full run copies them
-- in frozen), not fetched one by one from a table of tens of millions of rows in another order (issue 19: at 10M the
-- window look-ups of a 100k-row export ran for more than ten minutes).
DROP INDEX entity_block_key_key;
CREATE INDEX entity_block_key_key ON entity_block_key (key, name) INCLUDE (entity_id, records);
