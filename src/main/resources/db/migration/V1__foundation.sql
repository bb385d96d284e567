-- GovShare foundation: departments (R31), notifications, audit trail (R26).
-- Portable SQL: runs on H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_department (
  code                VARCHAR(32)  NOT NULL PRIMARY KEY,
  name                VARCHAR(128) NOT NULL,
  responsible_person  VARCHAR(64),
  responsible_user_id VARCHAR(64)
);

CREATE TABLE gs_notification (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  created_at     TIMESTAMP     NOT NULL,
  recipient_type VARCHAR(8)    NOT NULL,
  recipient      VARCHAR(64)   NOT NULL,
  category       VARCHAR(32)   NOT NULL,
  subject        VARCHAR(255)  NOT NULL,
  body           VARCHAR(2000),
  ref_type       VARCHAR(32),
  ref_id         VARCHAR(64)
);
CREATE INDEX gs_notification_recipient ON gs_notification (recipient, recipient_type, id);
CREATE INDEX gs_notification_ref ON gs_notification (ref_type, ref_id);

CREATE TABLE gs_audit (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at      TIMESTAMP    NOT NULL,
  actor_user_id    VARCHAR(64)  NOT NULL,
  actor_name       VARCHAR(64),
  actor_department VARCHAR(32),
  action           VARCHAR(64)  NOT NULL,
  object_type      VARCHAR(32)  NOT NULL,
  object_id        VARCHAR(64),
  outcome          VARCHAR(16)  NOT NULL,
  detail           VARCHAR(2000),
  remote_address   VARCHAR(64),
  concerns         VARCHAR(255),
  prev_hash        VARCHAR(64)  NOT NULL,
  hash             VARCHAR(64)  NOT NULL
);
CREATE INDEX gs_audit_time ON gs_audit (occurred_at);

-- One row, locked while appending, so the hash chain stays linear across nodes.
CREATE TABLE gs_audit_head (
  id        INT         NOT NULL PRIMARY KEY,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO gs_audit_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');
