-- Each document's language and political relevance, and each event's confidence (issue:
-- precision). Existing rows keep NULLs until `eventwire recode` recodes them; a NULL confidence
-- counts as shown by every threshold.
ALTER TABLE documents ADD COLUMN language VARCHAR;
ALTER TABLE documents ADD COLUMN relevance DOUBLE;
ALTER TABLE events ADD COLUMN confidence DOUBLE;
