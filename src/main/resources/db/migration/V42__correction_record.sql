-- Issue 18/19 for corrections: the record, not process variables, holds what decides the case. The verify
-- period starts at reported_at (receipt, R22) and grows by extension_days (approved); a pending request's
-- days and reason wait here for the head's decision. One process per correction, found by its instance.
-- Portable SQL: H2 2.x and MySQL 8 / MariaDB 10.11.

ALTER TABLE gs_correction ADD COLUMN requested_extension_days INT NULL;
ALTER TABLE gs_correction ADD COLUMN extension_reason VARCHAR(2000) NULL;
CREATE UNIQUE INDEX gs_correction_process ON gs_correction (process_instance_id);
