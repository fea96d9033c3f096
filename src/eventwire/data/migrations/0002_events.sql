-- Events coded from documents, and their actors (one row per actor and role).
CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    plover          VARCHAR,               -- PLOVER event type (NULL for CAMEO 01, 02)
    quad_class      INTEGER NOT NULL,
    modality        VARCHAR NOT NULL,
    quantity_value  BIGINT,
    published       DATE,                  -- the document's date, for date filters
    record          VARCHAR NOT NULL       -- the full event record (JSON), as printed
);
CREATE INDEX events_doc ON events (doc_id);

CREATE TABLE event_actors (
    event_id  VARCHAR NOT NULL,
    role      VARCHAR NOT NULL,            -- source or target
    seq       INTEGER NOT NULL,
    text      VARCHAR NOT NULL,
    code      VARCHAR,
    country   VARCHAR,
    sector    VARCHAR,
    name      VARCHAR,
    "start"   INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, seq)
);
