-- Issue 23: the outbox of notification deliveries, their attempts, channel settings, preferences and urges (催办).

-- One row per notification and channel (MAIL, WEBHOOK): written in the event's transaction, sent afterwards.
CREATE TABLE gs_notification_delivery (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  notification_id BIGINT        NOT NULL,
  channel         VARCHAR(16)   NOT NULL,
  idempotency_key VARCHAR(64)   NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL,
  working_hours   BOOLEAN       NOT NULL,
  deliver_by      TIMESTAMP     NULL,
  next_attempt_at TIMESTAMP     NOT NULL,
  lease_owner     VARCHAR(64),
  lease_until     TIMESTAMP     NULL,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP     NOT NULL,
  finished_at     TIMESTAMP     NULL,
  CONSTRAINT gs_notification_delivery_key UNIQUE (idempotency_key),
  CONSTRAINT gs_notification_delivery_once UNIQUE (notification_id, channel)
);
CREATE INDEX gs_notification_delivery_due ON gs_notification_delivery (state, next_attempt_at);
CREATE INDEX gs_notification_delivery_finished ON gs_notification_delivery (state, finished_at);

-- Every attempt: sent, failed with its reason, gave up, or found uncertain after a crash.
CREATE TABLE gs_notification_attempt (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  delivery_id  BIGINT        NOT NULL,
  attempted_at TIMESTAMP     NOT NULL,
  node         VARCHAR(64)   NOT NULL,
  outcome      VARCHAR(16)   NOT NULL,
  error        VARCHAR(1000),
  recipients   VARCHAR(2000)
);
CREATE INDEX gs_notification_attempt_delivery ON gs_notification_attempt (delivery_id, id);

-- A JSON webhook of a department or a user (政务微信, 钉钉 …); the secret is written, never read back by the API.
CREATE TABLE gs_notification_webhook (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  owner_type VARCHAR(16)   NOT NULL,
  owner      VARCHAR(64)   NOT NULL,
  url        VARCHAR(1000) NOT NULL,
  secret     VARCHAR(255)  NOT NULL,
  template   VARCHAR(2000),
  enabled    BOOLEAN       NOT NULL,
  updated_at TIMESTAMP     NOT NULL,
  updated_by VARCHAR(64)   NOT NULL,
  CONSTRAINT gs_notification_webhook_owner UNIQUE (owner_type, owner)
);

-- The channels a user chose; no row = every channel the administrator allows.
CREATE TABLE gs_notification_preference (
  user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
  mail       BOOLEAN     NOT NULL,
  webhook    BOOLEAN     NOT NULL,
  updated_at TIMESTAMP   NOT NULL
);

-- 催办: one urge per open step, urging party and working day.
CREATE TABLE gs_urge (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  deadline_id   BIGINT       NOT NULL,
  party         VARCHAR(64)  NOT NULL,
  working_day   DATE         NOT NULL,
  urged_at      TIMESTAMP    NOT NULL,
  urged_by      VARCHAR(64)  NOT NULL,
  urged_by_name VARCHAR(64),
  holders       VARCHAR(500),
  CONSTRAINT gs_urge_once_a_day UNIQUE (deadline_id, party, working_day)
);
CREATE INDEX gs_urge_deadline ON gs_urge (deadline_id, id);
