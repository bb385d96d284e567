-- Grants by their source (issue 24): the upper platform's poll reads every forwarded application's grant status
-- changes by (source_type, source_ref) on each poll, and Grants.ofRequest / the city's mirroring look grants up the
-- same way; without an index each of those scanned gs_grant (1 000 000 rows in the harness).
CREATE INDEX gs_grant_source ON gs_grant (source_type, source_ref);
