-- Issue 18 class 2: what the conditional-share-request process used to take from process variables is
-- kept on the request itself. route: DIRECT (R15 platform), UNCONDITIONAL (national 21, 1 WD) or REVIEW.
-- answer_received_at / answer_extension_days: the provider's answer period (R13, national 21), started when
-- the request first reaches the provider, restarted once from complete materials; incomplete_notices:
-- 一次性告知 is given at most once (national 21).
ALTER TABLE gs_share_request ADD COLUMN route VARCHAR(16) NULL;
ALTER TABLE gs_share_request ADD COLUMN answer_received_at TIMESTAMP NULL;
ALTER TABLE gs_share_request ADD COLUMN answer_extension_days INT DEFAULT 0 NOT NULL;
ALTER TABLE gs_share_request ADD COLUMN incomplete_notices INT DEFAULT 0 NOT NULL;
