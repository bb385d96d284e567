-- R26, issue 18 class 4: the audit chain becomes keyed (HMAC-SHA256, key outside the database).
-- key_id names the key that signed a record; NULL marks the unkeyed SHA-256 records written before
-- this migration (the legacy segment, verified as such and never extended).
ALTER TABLE gs_audit ADD COLUMN key_id VARCHAR(32);

-- The head carries the last record's id, the record count and the end of the legacy segment, signed
-- with the current key (head_mac), so deleting the newest records or rewinding the head is noticed.
ALTER TABLE gs_audit_head ADD COLUMN last_id BIGINT;
ALTER TABLE gs_audit_head ADD COLUMN record_count BIGINT;
ALTER TABLE gs_audit_head ADD COLUMN legacy_last_id BIGINT;
ALTER TABLE gs_audit_head ADD COLUMN key_id VARCHAR(32);
ALTER TABLE gs_audit_head ADD COLUMN head_mac VARCHAR(64);
UPDATE gs_audit_head SET
  last_id = (SELECT COALESCE(MAX(id), 0) FROM gs_audit),
  record_count = (SELECT COUNT(*) FROM gs_audit),
  legacy_last_id = (SELECT COALESCE(MAX(id), 0) FROM gs_audit)
WHERE id = 1;
