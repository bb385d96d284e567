-- Issue 22 (R29): the violation register, rectification orders and the refused-call tally. A violation found
-- by the system is keyed by its source (deadline:<id>, correction:<id>, grant:<id>:<status>, calls:<dept>:
-- <resource>:<month>, order:<id>); the unique key makes it once per source, also with two nodes.
-- Portable SQL: H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_violation (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  source_key VARCHAR(160) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  department VARCHAR(64) NOT NULL,
  profile VARCHAR(64) NOT NULL,
  rule_id VARCHAR(32) NOT NULL,
  item VARCHAR(500) NOT NULL,
  citation VARCHAR(1000) NOT NULL,
  summary VARCHAR(2000) NOT NULL,
  case_link VARCHAR(255) NULL,
  deadline_id BIGINT NULL,
  audit_evidence VARCHAR(1000) NULL,
  recorded_at TIMESTAMP NOT NULL,
  recorded_by VARCHAR(64) NOT NULL,
  withdrawn_at TIMESTAMP NULL,
  withdrawn_reason VARCHAR(1000) NULL,
  CONSTRAINT gs_violation_source UNIQUE (source_key)
);
CREATE INDEX gs_violation_department ON gs_violation (department, recorded_at);
CREATE INDEX gs_violation_recorded ON gs_violation (recorded_at);

CREATE TABLE gs_rectification_order (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  violation_id BIGINT NOT NULL,
  department VARCHAR(64) NOT NULL,
  requirement VARCHAR(2000) NOT NULL,
  issuer_user VARCHAR(64) NOT NULL,
  issuer_group VARCHAR(64) NOT NULL,
  issuing_body VARCHAR(255) NOT NULL,
  citation VARCHAR(1000) NOT NULL,
  state VARCHAR(16) NOT NULL,
  issued_at TIMESTAMP NOT NULL,
  answer VARCHAR(2000) NULL,
  answered_at TIMESTAMP NULL,
  answered_by VARCHAR(64) NULL,
  review_comment VARCHAR(2000) NULL,
  lapsed_at TIMESTAMP NULL,
  escalated_to VARCHAR(255) NULL,
  closed_at TIMESTAMP NULL,
  process_instance_id VARCHAR(64) NULL,
  CONSTRAINT gs_rectification_violation UNIQUE (violation_id)
);
CREATE UNIQUE INDEX gs_rectification_process ON gs_rectification_order (process_instance_id);
CREATE INDEX gs_rectification_department ON gs_rectification_order (department, state);

CREATE TABLE gs_refused_call (
  department VARCHAR(64) NOT NULL,
  resource_code VARCHAR(64) NOT NULL,
  call_month CHAR(7) NOT NULL,
  refused INT NOT NULL,
  PRIMARY KEY (department, resource_code, call_month)
);
