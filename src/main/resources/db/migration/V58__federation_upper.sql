-- Federation, upper side (R24; nanchang 14, 16; hubei 12, 18): the lower platforms that may forward
-- applications here, and the applications they forwarded. Portable SQL: H2 2.x and MySQL 8 / MariaDB 10.11.

-- A lower platform stands as a department here (the applicant of its forwarded applications), but is none of
-- this platform's own: no self-report, no department lists (DepartmentService.all()).
ALTER TABLE gs_department ADD COLUMN lower_platform BOOLEAN DEFAULT FALSE NOT NULL;

-- A lower platform's service account (a user in group federation-peers) and the platform it speaks for.
-- platform_code is also the gs_department code that stands for the lower platform as the applicant here.
CREATE TABLE gs_federation_peer (
  user_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
  platform_code  VARCHAR(16)   NOT NULL,
  platform_name  VARCHAR(128)  NOT NULL,
  created_at     TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX gs_federation_peer_platform ON gs_federation_peer (platform_code);

-- One forwarding: its idempotency key and a digest of its body, and the share request it became.
CREATE TABLE gs_federation_application (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  platform_code     VARCHAR(16)   NOT NULL,
  idempotency_key   VARCHAR(100)  NOT NULL,
  body_digest       VARCHAR(64)   NOT NULL,
  share_request_id  BIGINT        NULL,
  lower_reference   VARCHAR(64),
  bulk              BOOLEAN       NOT NULL,
  received_at       TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX gs_federation_application_key ON gs_federation_application (platform_code, idempotency_key);
CREATE INDEX gs_federation_application_request ON gs_federation_application (share_request_id);

-- The lower departments an application is for; holder is the grant holder code here (<platform>:<code>).
CREATE TABLE gs_federation_department (
  application_id  BIGINT        NOT NULL,
  seq             INT           NOT NULL,
  code            VARCHAR(32)   NOT NULL,
  name            VARCHAR(128)  NOT NULL,
  holder          VARCHAR(32)   NOT NULL,
  PRIMARY KEY (application_id, seq)
);
CREATE INDEX gs_federation_department_holder ON gs_federation_department (holder);
