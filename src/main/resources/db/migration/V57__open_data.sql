-- Issue 24 (R25, nanchang 18-21): public applicants of the open-data portal and their requests. A public
-- account is a Camunda user in group public-applicants; this row holds what the portal verified about it
-- (identity number, contact, verification code digest) and is personal data: read only through the audited
-- doors of cn.govshare.opendata. The open catalogue is gs_resource.open_to_public (R4, nanchang 8).
-- Portable SQL: H2 2.x and MySQL 8 / MariaDB 10.11.

CREATE TABLE gs_public_account (
  user_id VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  name VARCHAR(100) NOT NULL,
  id_number VARCHAR(18) NOT NULL,
  email VARCHAR(254) NULL,
  phone VARCHAR(20) NULL,
  verify_by VARCHAR(8) NOT NULL,
  code_digest VARCHAR(64) NULL,
  code_expires_at TIMESTAMP NULL,
  code_failures INT NOT NULL,
  verified_at TIMESTAMP NULL,
  registered_at TIMESTAMP NOT NULL,
  registered_from VARCHAR(64) NOT NULL,
  CONSTRAINT gs_public_account_id_number UNIQUE (id_number)
);

CREATE TABLE gs_open_data_request (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  applicant VARCHAR(64) NOT NULL,
  resource_code VARCHAR(64) NOT NULL,
  resource_name VARCHAR(255) NOT NULL,
  provider VARCHAR(64) NOT NULL,
  purpose VARCHAR(1000) NOT NULL,
  intended_use VARCHAR(1000) NOT NULL,
  share_modes VARCHAR(1000) NOT NULL,
  citation VARCHAR(500) NOT NULL,
  state VARCHAR(16) NOT NULL,
  submitted_at TIMESTAMP NOT NULL,
  answered_at TIMESTAMP NULL,
  answered_by VARCHAR(64) NULL,
  denial_reason VARCHAR(1000) NULL,
  access_description VARCHAR(1000) NULL,
  process_instance_id VARCHAR(64) NULL
);
CREATE UNIQUE INDEX gs_open_data_process ON gs_open_data_request (process_instance_id);
CREATE INDEX gs_open_data_applicant ON gs_open_data_request (applicant, submitted_at);
CREATE INDEX gs_open_data_provider ON gs_open_data_request (provider, state);
