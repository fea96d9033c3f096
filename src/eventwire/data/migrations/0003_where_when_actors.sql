-- Per-event place and date (issue: where and when), and actor identity (knowledge base id and
-- confidence). Existing rows keep NULLs until `eventwire recode` recodes them.
ALTER TABLE events ADD COLUMN event_date DATE;
ALTER TABLE events ADD COLUMN location_country VARCHAR;
ALTER TABLE events ADD COLUMN location_precision VARCHAR;
ALTER TABLE event_actors ADD COLUMN kb_id VARCHAR;
ALTER TABLE event_actors ADD COLUMN confidence DOUBLE;
