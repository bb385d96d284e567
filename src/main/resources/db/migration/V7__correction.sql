-- Data corrections (疑义校核, R22). Attachments are stored by the engine as file variables of the
-- process instance (portable, size-limited). Portable SQL: H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_correction (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  resource_code        VARCHAR(64)   NOT NULL,
  resource_name        VARCHAR(255)  NOT NULL,
  provider_dept        VARCHAR(32)   NOT NULL,
  reporter_dept        VARCHAR(32)   NOT NULL,
  reporter_user        VARCHAR(64)   NOT NULL,
  record_locator       VARCHAR(500)  NOT NULL,
  description          VARCHAR(2000) NOT NULL,
  evidence             VARCHAR(4000),
  attachment_count     INT           NOT NULL,
  status               VARCHAR(16)   NOT NULL,
  result_note          VARCHAR(2000),
  extension_days       INT           NOT NULL,
  process_instance_id  VARCHAR(64),
  reported_at          TIMESTAMP     NOT NULL,
  closed_at            TIMESTAMP     NULL
);
CREATE INDEX gs_correction_resource ON gs_correction (resource_code, status);
CREATE INDEX gs_correction_reporter ON gs_correction (reporter_dept, id);
CREATE INDEX gs_correction_provider ON gs_correction (provider_dept, id);

CREATE TABLE gs_correction_step (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  correction_id BIGINT        NOT NULL,
  step          VARCHAR(64)   NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  actor_user    VARCHAR(64),
  actor_dept    VARCHAR(32),
  at            TIMESTAMP     NOT NULL,
  outcome       VARCHAR(32),
  comment       VARCHAR(2000)
);
CREATE INDEX gs_correction_step_correction ON gs_correction_step (correction_id, id);
