-- Issue 22, R27 (hubei 26): statistics of data calls and data availability.

-- A SERVICE_API share mode may declare a health URL the platform probes (R9, R27).
ALTER TABLE gs_catalog_share_mode ADD COLUMN health_url VARCHAR(500);

-- Data calls counted per day, resource, using and providing department and outcome, written in the same
-- transaction as the call's GRANT_CHECK audit record (counting the keyed chain itself would read every record).
CREATE TABLE gs_data_call_count (
  call_day      DATE         NOT NULL,
  resource_code VARCHAR(64)  NOT NULL,
  user_dept     VARCHAR(32)  NOT NULL,
  provider_dept VARCHAR(32)  NOT NULL,
  outcome       VARCHAR(24)  NOT NULL,
  calls         BIGINT       NOT NULL,
  PRIMARY KEY (call_day, resource_code, user_dept, provider_dept, outcome)
);
CREATE INDEX gs_data_call_provider ON gs_data_call_count (provider_dept, call_day);
CREATE INDEX gs_data_call_user ON gs_data_call_count (user_dept, call_day);

-- One row per health probe of a resource's service (up or down).
CREATE TABLE gs_health_probe (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  resource_code VARCHAR(64)   NOT NULL,
  provider_dept VARCHAR(32)   NOT NULL,
  probed_at     TIMESTAMP     NOT NULL,
  up            BOOLEAN       NOT NULL,
  detail        VARCHAR(255)
);
CREATE INDEX gs_health_probe_resource ON gs_health_probe (resource_code, probed_at);

-- Outages reported by the providing department.
CREATE TABLE gs_outage (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  resource_code VARCHAR(64)   NOT NULL,
  provider_dept VARCHAR(32)   NOT NULL,
  started_at    TIMESTAMP     NOT NULL,
  ended_at      TIMESTAMP     NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  reported_by   VARCHAR(64)   NOT NULL,
  reported_at   TIMESTAMP     NOT NULL
);
CREATE INDEX gs_outage_resource ON gs_outage (resource_code, started_at);
