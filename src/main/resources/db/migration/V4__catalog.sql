-- GovShare catalogue (R1-R9, R15, R16): entries, their items and share modes, changes under review
-- or waiting for their effective date (R7), and law-change update obligations (R6).
-- Portable SQL: runs on H2 2.x and MySQL 8 / MariaDB 10.11.

-- revision CURRENT = what users see; PENDING = an edit of a published entry, until it takes effect (R7).
CREATE TABLE gs_catalog_resource (
  code                   VARCHAR(32)   NOT NULL,
  revision               VARCHAR(8)    NOT NULL,
  name                   VARCHAR(200)  NOT NULL,
  classification         VARCHAR(16)   NOT NULL,
  basic_kind             VARCHAR(16),
  responsible_department VARCHAR(32)   NOT NULL,
  data_format            VARCHAR(100)  NOT NULL,
  update_cycle           VARCHAR(16)   NOT NULL,
  share_type             VARCHAR(16)   NOT NULL,
  share_conditions       VARCHAR(2000),
  legal_basis            VARCHAR(2000),
  usage_requirements     VARCHAR(2000),
  open_to_public         BOOLEAN       NOT NULL,
  licensing_related      BOOLEAN       NOT NULL,
  controlled_parameters  BOOLEAN       NOT NULL,
  offline_application    VARCHAR(2000),
  status                 VARCHAR(16)   NOT NULL,
  version                INT           NOT NULL,
  updated_at             TIMESTAMP     NOT NULL,
  updated_by             VARCHAR(64)   NOT NULL,
  PRIMARY KEY (code, revision)
);
CREATE INDEX gs_catalog_resource_dept ON gs_catalog_resource (responsible_department, status);

CREATE TABLE gs_catalog_item (
  resource_code VARCHAR(32)  NOT NULL,
  revision      VARCHAR(8)   NOT NULL,
  seq           INT          NOT NULL,
  name          VARCHAR(200) NOT NULL,
  share_type    VARCHAR(16)  NOT NULL,
  basic_item    BOOLEAN      NOT NULL,
  PRIMARY KEY (resource_code, revision, seq)
);

CREATE TABLE gs_catalog_share_mode (
  resource_code         VARCHAR(32)   NOT NULL,
  revision              VARCHAR(8)    NOT NULL,
  seq                   INT           NOT NULL,
  mode_type             VARCHAR(16)   NOT NULL,
  delivery              VARCHAR(24)   NOT NULL,
  interface_description VARCHAR(2000),
  call_method           VARCHAR(1000),
  PRIMARY KEY (resource_code, revision, seq)
);

-- One row per submission to the platform (publish, change, retire) and its fate (R7).
CREATE TABLE gs_catalog_change (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  resource_code       VARCHAR(32)   NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  state               VARCHAR(16)   NOT NULL,
  requested_by        VARCHAR(64)   NOT NULL,
  requested_at        TIMESTAMP     NOT NULL,
  effective_at        TIMESTAMP,
  notified_holders    VARCHAR(2000),
  obligation_id       BIGINT,
  process_instance_id VARCHAR(64),
  reviewed_by         VARCHAR(64),
  reviewed_at         TIMESTAMP,
  review_comment      VARCHAR(2000),
  applied_at          TIMESTAMP
);
CREATE INDEX gs_catalog_change_resource ON gs_catalog_change (resource_code, id);

-- R6: after a law change the department updates its catalogue; one row per obligation.
CREATE TABLE gs_catalog_obligation (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  department          VARCHAR(32)   NOT NULL,
  legal_change        VARCHAR(2000) NOT NULL,
  state               VARCHAR(16)   NOT NULL,
  created_by          VARCHAR(64)   NOT NULL,
  created_at          TIMESTAMP     NOT NULL,
  process_instance_id VARCHAR(64),
  resource_code       VARCHAR(32),
  fulfilled_at        TIMESTAMP
);
CREATE INDEX gs_catalog_obligation_dept ON gs_catalog_obligation (department, state);
