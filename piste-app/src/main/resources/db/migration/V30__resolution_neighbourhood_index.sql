-- What an incremental resolution looks up instead of reading every record (issue 19): the blocking keys each entity's
-- records carry (hashed: a collision only loads one stranger more), with the names they sort by in a block larger
-- than the cap (byte order, as the resolver compares them) and how many of the entity's records carry both; and how
-- many records carry each name key (the term-frequency weights are over all records). Both describe the resolution
-- run named in resolution_index; when that is not the latest run, they are rebuilt before they are used.
CREATE TABLE entity_block_key (
    key       bigint  NOT NULL,
    name      text    COLLATE "C" NOT NULL,
    entity_id text    NOT NULL,
    records   integer NOT NULL CHECK (records > 0)
);
CREATE INDEX entity_block_key_key ON entity_block_key (key, name);
CREATE INDEX entity_block_key_entity ON entity_block_key (entity_id);

CREATE TABLE name_count (
    kind    char(1) NOT NULL CHECK (kind IN ('S', 'G')),
    name    text    NOT NULL,
    records bigint  NOT NULL CHECK (records > 0),
    PRIMARY KEY (kind, name)
);

CREATE TABLE resolution_index (
    one    boolean PRIMARY KEY DEFAULT true CHECK (one),
    run_id bigint  NOT NULL REFERENCES resolution_run (id)
);
