-- Issue 22, R28: the yearly evaluation of each department, its self-reports and its published figures.

CREATE TABLE gs_evaluation (
  eval_year            INT           NOT NULL PRIMARY KEY,
  state                VARCHAR(16)   NOT NULL,
  process_instance_id  VARCHAR(64),
  opened_at            TIMESTAMP     NOT NULL,
  report_due_date      DATE          NOT NULL,
  report_due_at        TIMESTAMP     NOT NULL,
  report_due_citation  VARCHAR(1000) NOT NULL,
  remarks              VARCHAR(4000),
  reviewed_by          VARCHAR(64),
  published_at         TIMESTAMP     NULL
);
CREATE INDEX gs_evaluation_instance ON gs_evaluation (process_instance_id);

-- One row per department and year; task_id binds the self-report task to its department (never a variable).
CREATE TABLE gs_evaluation_report (
  eval_year     INT           NOT NULL,
  department    VARCHAR(32)   NOT NULL,
  task_id       VARCHAR(64),
  report        VARCHAR(4000),
  submitted_by  VARCHAR(64),
  submitted_at  TIMESTAMP     NULL,
  PRIMARY KEY (eval_year, department)
);
CREATE INDEX gs_evaluation_report_task ON gs_evaluation_report (task_id);

-- The figures as computed for review and published: recomputing the year is compared against these.
CREATE TABLE gs_evaluation_figure (
  eval_year    INT            NOT NULL,
  department   VARCHAR(32)    NOT NULL,
  figure_key   VARCHAR(64)    NOT NULL,
  label        VARCHAR(128)   NOT NULL,
  figure_value DECIMAL(19, 4) NOT NULL,
  evidence     VARCHAR(500)   NOT NULL,
  PRIMARY KEY (eval_year, department, figure_key)
);
