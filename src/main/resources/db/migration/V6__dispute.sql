-- Disputes (R18, R23) and the filing of NOT_SHARED data provided by agreement (R19).
-- Portable: H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_dispute (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind                VARCHAR(24)   NOT NULL,
  request_id          BIGINT,
  resource_code       VARCHAR(64)   NOT NULL,
  other_resource_code VARCHAR(64),
  party_a             VARCHAR(32)   NOT NULL,
  party_b             VARCHAR(32)   NOT NULL,
  description         VARCHAR(2000) NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  outcome_reason      VARCHAR(2000),
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP     NULL,
  grant_id            BIGINT,
  process_instance_id VARCHAR(64),
  created_by          VARCHAR(64)   NOT NULL,
  created_at          TIMESTAMP     NOT NULL
);
CREATE INDEX gs_dispute_party_a ON gs_dispute (party_a, id);
CREATE INDEX gs_dispute_party_b ON gs_dispute (party_b, id);
CREATE INDEX gs_dispute_request ON gs_dispute (request_id);

CREATE TABLE gs_dispute_step (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  dispute_id BIGINT        NOT NULL,
  step       VARCHAR(64)   NOT NULL,
  name       VARCHAR(255)  NOT NULL,
  actor_user VARCHAR(64),
  actor_dept VARCHAR(32),
  at         TIMESTAMP     NOT NULL,
  outcome    VARCHAR(32),
  comment    VARCHAR(2000)
);
CREATE INDEX gs_dispute_step_dispute ON gs_dispute_step (dispute_id, id);

-- R19: a NOT_SHARED resource provided by agreement is filed with the general office.
CREATE TABLE gs_dispute_filing (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  dispute_id    BIGINT        NOT NULL,
  request_id    BIGINT,
  resource_code VARCHAR(64)   NOT NULL,
  decision      VARCHAR(16)   NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  decider       VARCHAR(64),
  decided_at    TIMESTAMP     NOT NULL,
  filed_with    VARCHAR(128)  NOT NULL
);
CREATE INDEX gs_dispute_filing_dispute ON gs_dispute_filing (dispute_id);
