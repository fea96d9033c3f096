-- Documents, what cleaning removed from them, ingest errors and runs.
CREATE TABLE runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    inputs      VARCHAR,            -- the paths given, as JSON
    stored      INTEGER DEFAULT 0,  -- new documents (and new versions)
    unchanged   INTEGER DEFAULT 0,  -- documents already stored with the same content
    failed      INTEGER DEFAULT 0,
    status      VARCHAR NOT NULL    -- running, done, interrupted
);

CREATE TABLE documents (
    doc_id          VARCHAR PRIMARY KEY,   -- hash of URL and cleaned text
    content_hash    VARCHAR NOT NULL,      -- hash of the cleaned text
    caller_id       VARCHAR,               -- the input's own id, if it gave one
    url             VARCHAR,
    outlet          VARCHAR,
    published       DATE,
    title           VARCHAR,
    dek             VARCHAR,
    text            VARCHAR NOT NULL,      -- cleaned text: every offset refers to it
    raw_text        VARCHAR NOT NULL,      -- text before cleaning: removed spans refer to it
    segments        VARCHAR NOT NULL,      -- JSON [[clean_start, raw_start, length], ...]
    source_path     VARCHAR NOT NULL,
    source_locator  VARCHAR NOT NULL,
    source_kind     VARCHAR NOT NULL,
    encoding        VARCHAR,
    version         INTEGER NOT NULL,      -- 1 for the first text seen at this URL
    previous_doc_id VARCHAR,               -- the version this one replaces (same URL)
    run_id          VARCHAR NOT NULL,
    ingested_at     TIMESTAMP NOT NULL
);
CREATE INDEX documents_url ON documents (url);

CREATE TABLE removed_spans (
    doc_id   VARCHAR NOT NULL,
    seq      INTEGER NOT NULL,
    reason   VARCHAR NOT NULL,
    "start"  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE ingest_errors (
    source_path    VARCHAR NOT NULL,
    source_locator VARCHAR NOT NULL,
    source_kind    VARCHAR,
    reason         VARCHAR NOT NULL,
    message        VARCHAR NOT NULL,
    first_seen     TIMESTAMP NOT NULL,
    last_seen      TIMESTAMP NOT NULL,
    run_id         VARCHAR NOT NULL,
    PRIMARY KEY (source_path, source_locator)
);
