-- Share requests (R11), their steps, and grants (R17, R20, R21). Portable: H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_share_request (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  business_key        VARCHAR(40)   NOT NULL,
  resource_code       VARCHAR(64)   NOT NULL,
  resource_name       VARCHAR(255)  NOT NULL,
  share_type          VARCHAR(16)   NOT NULL,
  provider_dept       VARCHAR(32)   NOT NULL,
  applicant_dept      VARCHAR(32)   NOT NULL,
  applicant_user      VARCHAR(64)   NOT NULL,
  purpose             VARCHAR(32)   NOT NULL,
  reason              VARCHAR(2000) NOT NULL,
  system_name         VARCHAR(255)  NOT NULL,
  requested_fields    VARCHAR(2000),
  status              VARCHAR(16)   NOT NULL,
  process_instance_id VARCHAR(64),
  grant_id            BIGINT,
  outcome_reason      VARCHAR(2000),
  dispute_ref         VARCHAR(64),
  submitted_at        TIMESTAMP     NOT NULL,
  decided_at          TIMESTAMP     NULL
);
CREATE UNIQUE INDEX gs_share_request_key ON gs_share_request (business_key);
CREATE INDEX gs_share_request_applicant ON gs_share_request (applicant_dept, id);
CREATE INDEX gs_share_request_provider ON gs_share_request (provider_dept, id);
CREATE INDEX gs_share_request_instance ON gs_share_request (process_instance_id);

CREATE TABLE gs_share_request_step (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  request_id  BIGINT        NOT NULL,
  step        VARCHAR(64)   NOT NULL,
  name        VARCHAR(255)  NOT NULL,
  actor_user  VARCHAR(64),
  actor_name  VARCHAR(64),
  actor_dept  VARCHAR(32),
  at          TIMESTAMP     NOT NULL,
  outcome     VARCHAR(64),
  comment     VARCHAR(2000),
  task_id     VARCHAR(64)
);
CREATE INDEX gs_share_request_step_request ON gs_share_request_step (request_id, id);

CREATE TABLE gs_grant (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  department        VARCHAR(32)   NOT NULL,
  resource_code     VARCHAR(64)   NOT NULL,
  provider_dept     VARCHAR(32)   NOT NULL,
  scope             VARCHAR(2000),
  purpose           VARCHAR(32)   NOT NULL,
  valid_until       DATE          NULL,
  source_type       VARCHAR(16)   NOT NULL,
  source_ref        VARCHAR(64),
  status            VARCHAR(16)   NOT NULL,
  status_reason     VARCHAR(2000),
  status_changed_by VARCHAR(64),
  status_changed_at TIMESTAMP     NULL,
  created_at        TIMESTAMP     NOT NULL
);
-- the grant check (a data call): department + resource + purpose among ACTIVE grants
CREATE INDEX gs_grant_check ON gs_grant (department, resource_code, purpose, status);
CREATE INDEX gs_grant_resource ON gs_grant (resource_code, status);
