-- Dispute escalation as each regulation writes it (issue 18 classes 2-3, issue 19 item 6; docs/dispute.md).
-- Portable: H2 2.x and MySQL 8 / MariaDB 10.11.

-- the profile whose chain the dispute follows (a profile switched later does not change a running dispute)
ALTER TABLE gs_dispute ADD COLUMN policy_profile VARCHAR(32);

-- the body that acted and the article on each step
ALTER TABLE gs_dispute_step ADD COLUMN body VARCHAR(128);
ALTER TABLE gs_dispute_step ADD COLUMN citation VARCHAR(500);
ALTER TABLE gs_dispute_filing ADD COLUMN citation VARCHAR(500);

-- R18, shaoyang 21(3): each party's own position in negotiation, one row per negotiation task, its party
-- taken from the dispute record when the task is created; position, actor and time when that party answers.
CREATE TABLE gs_dispute_position (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  dispute_id BIGINT        NOT NULL,
  task_id    VARCHAR(64)   NOT NULL,
  party      VARCHAR(32)   NOT NULL,
  role       VARCHAR(16)   NOT NULL,
  position   VARCHAR(16),
  comment    VARCHAR(2000),
  actor_user VARCHAR(64),
  actor_dept VARCHAR(32),
  at         TIMESTAMP     NULL
);
CREATE UNIQUE INDEX gs_dispute_position_task ON gs_dispute_position (task_id);
CREATE INDEX gs_dispute_position_dispute ON gs_dispute_position (dispute_id, id);
