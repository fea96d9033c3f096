-- Attributions of each document (issue: claims): who said what, with which cue, through whom.
CREATE TABLE quotes (
    doc_id          VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    speaker_text    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_name    VARCHAR,
    cue             VARCHAR NOT NULL,
    cue_start       INTEGER NOT NULL,
    cue_end         INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    direct          BOOLEAN NOT NULL,
    stance          VARCHAR,
    reported_via    VARCHAR,               -- JSON list of outlets
    PRIMARY KEY (doc_id, seq)
);
