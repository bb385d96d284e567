-- Deadline ledger (SPEC §7, R16, R27, R29): one row per timed user task, its recomputations, and the
-- breaches raised on it. Portable SQL: runs on H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_deadline (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_instance_id    VARCHAR(64)   NOT NULL,
  process_definition_key VARCHAR(255),
  business_key           VARCHAR(255),
  execution_id           VARCHAR(64)   NOT NULL,
  task_id                VARCHAR(64)   NOT NULL,
  task_definition_key    VARCHAR(255)  NOT NULL,
  task_name              VARCHAR(255),
  department             VARCHAR(64),
  candidate_groups       VARCHAR(500),
  rule_id                VARCHAR(32)   NOT NULL,
  profile                VARCHAR(32)   NOT NULL,
  step                   VARCHAR(255),
  citation               VARCHAR(1000),
  limit_amount           INT           NOT NULL,
  limit_unit             VARCHAR(16)   NOT NULL,
  limit_specified        BOOLEAN       NOT NULL,
  extension_days         INT           NOT NULL,
  started_at             TIMESTAMP     NOT NULL,
  due_date               DATE,
  due_at                 TIMESTAMP     NULL,
  remind_at              TIMESTAMP     NULL,
  fallback               BOOLEAN       NOT NULL,
  state                  VARCHAR(16)   NOT NULL,
  reminded_at            TIMESTAMP     NULL,
  breached_at            TIMESTAMP     NULL,
  incident_id            VARCHAR(64),
  completed_at           TIMESTAMP     NULL,
  completed_by           VARCHAR(64),
  working_days_overdue   INT,
  handling_working_days  INT
);
CREATE UNIQUE INDEX gs_deadline_task ON gs_deadline (task_id);
CREATE INDEX gs_deadline_state_due ON gs_deadline (state, due_at);
CREATE INDEX gs_deadline_dept_state ON gs_deadline (department, state, id);
CREATE INDEX gs_deadline_instance ON gs_deadline (process_instance_id);
CREATE INDEX gs_deadline_completed ON gs_deadline (completed_at);
CREATE INDEX gs_deadline_breached ON gs_deadline (breached_at);

-- Every move of a due date: calendar data loaded for a year (SPEC §3), with the old and new due and why.
CREATE TABLE gs_deadline_change (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  deadline_id  BIGINT        NOT NULL,
  changed_at   TIMESTAMP     NOT NULL,
  old_due_date DATE,
  old_due_at   TIMESTAMP     NULL,
  old_fallback BOOLEAN       NOT NULL,
  new_due_date DATE,
  new_due_at   TIMESTAMP     NULL,
  new_fallback BOOLEAN       NOT NULL,
  reason       VARCHAR(500)  NOT NULL
);
CREATE INDEX gs_deadline_change_deadline ON gs_deadline_change (deadline_id, id);
