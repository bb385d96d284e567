-- R24 (nanchang 14, 16; hubei 12, 18-20), the lower (city) side of federation: upper-level resources in the
-- catalogue, the applications forwarded to the upper platform (an outbox, one idempotency key per forwarding),
-- the city requests each carries (one, or several for 整体授权), and the polling cursors. Portable SQL.

ALTER TABLE gs_catalog_resource ADD COLUMN upper_level BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE gs_catalog_resource ADD COLUMN upper_provider VARCHAR(200);

-- Which upper entry a city catalogue code mirrors.
CREATE TABLE gs_upper_resource (
  code                VARCHAR(32)  NOT NULL PRIMARY KEY,
  upper_code          VARCHAR(64)  NOT NULL,
  upper_provider_dept VARCHAR(64)  NOT NULL,
  upper_version       INT          NOT NULL,
  synced_at           TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX gs_upper_resource_upper ON gs_upper_resource (upper_code);

-- One application to the upper platform: GATHERING (bulk window open) → PENDING (in the outbox) → SENDING
-- (claimed under a node's lease) → DELIVERED (the upper platform has it) → ANSWERED (final answer mirrored).
CREATE TABLE gs_upper_application (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  idempotency_key    VARCHAR(64)   NOT NULL,
  resource_code      VARCHAR(32)   NOT NULL,
  upper_code         VARCHAR(64)   NOT NULL,
  purpose            VARCHAR(32)   NOT NULL,
  requested_fields   VARCHAR(2000) NOT NULL,
  state              VARCHAR(16)   NOT NULL,
  gather_until       TIMESTAMP     NULL,
  attempts           INT           NOT NULL,
  next_attempt_at    TIMESTAMP     NOT NULL,
  lease_owner        VARCHAR(64),
  lease_until        TIMESTAMP     NULL,
  last_error         VARCHAR(1000),
  upper_id           BIGINT,
  upper_reference    VARCHAR(64),
  upper_status       VARCHAR(16),
  upper_changed_at   TIMESTAMP     NULL,
  upper_deadlines    VARCHAR(8000),
  approved           BOOLEAN,
  answer_reason      VARCHAR(2000),
  answer_scope       VARCHAR(2000),
  answer_valid_until DATE          NULL,
  decided_at         TIMESTAMP     NULL,
  answered_at        TIMESTAMP     NULL,
  delivered_at       TIMESTAMP     NULL,
  created_at         TIMESTAMP     NOT NULL,
  CONSTRAINT gs_upper_application_key UNIQUE (idempotency_key)
);
CREATE INDEX gs_upper_application_due ON gs_upper_application (state, next_attempt_at);
CREATE INDEX gs_upper_application_upper ON gs_upper_application (upper_id);

-- The city requests an application carries; a request is in exactly one application.
CREATE TABLE gs_upper_member (
  request_id     BIGINT       NOT NULL PRIMARY KEY,
  application_id BIGINT       NOT NULL,
  department     VARCHAR(32)  NOT NULL,
  joined_at      TIMESTAMP    NOT NULL,
  joined_by      VARCHAR(64)  NOT NULL,
  upper_grant_id BIGINT,
  grant_scope    VARCHAR(2000),
  grant_until    DATE         NULL,
  grant_status   VARCHAR(16),
  grant_id       BIGINT
);
CREATE INDEX gs_upper_member_application ON gs_upper_member (application_id);

-- Every delivery attempt of an application: delivered, failed with its reason, or found unfinished after a crash.
CREATE TABLE gs_upper_attempt (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT        NOT NULL,
  attempted_at   TIMESTAMP     NOT NULL,
  node           VARCHAR(64)   NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  error          VARCHAR(1000)
);
CREATE INDEX gs_upper_attempt_application ON gs_upper_attempt (application_id, id);

-- Where each poll of the upper platform stands (CATALOG, APPLICATIONS): the upper platform's own asOf, so the
-- two clocks never need to agree; the row is locked while a node polls, so two nodes never poll at once.
CREATE TABLE gs_upper_cursor (
  name       VARCHAR(16)   NOT NULL PRIMARY KEY,
  cursor_at  TIMESTAMP     NULL,
  polled_at  TIMESTAMP     NULL,
  last_error VARCHAR(1000)
);
INSERT INTO gs_upper_cursor (name) VALUES ('CATALOG');
INSERT INTO gs_upper_cursor (name) VALUES ('APPLICATIONS');
