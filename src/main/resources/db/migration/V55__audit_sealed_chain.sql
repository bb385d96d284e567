-- issue 25: no global lock in the commit path. A record is inserted with its own transaction, unsealed
-- (seq NULL, prev_hash and hash empty) but with record_mac, an HMAC of its content under key_id, so a row
-- forged without the key is never sealed. One sealer at a time (the head row's lock, held by sealers
-- only) links committed records into the keyed chain in sealing order: seq is the chain position.
ALTER TABLE gs_audit ADD COLUMN seq BIGINT;
ALTER TABLE gs_audit ADD COLUMN record_mac VARCHAR(64);
-- database time of the insert: how long a record has waited for its seal (verify, health)
ALTER TABLE gs_audit ADD COLUMN written_at TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3);
-- records chained before: under the head lock, so id order was chain order
UPDATE gs_audit SET seq = id;
-- the chain walk and the sealer's "seq IS NULL" both use it; unique: no two records at one position
CREATE UNIQUE INDEX gs_audit_seq ON gs_audit (seq);
