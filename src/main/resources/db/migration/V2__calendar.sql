-- Working-day calendar data changed at run time (SPEC §3): imported notice years, single-day
-- corrections, and the log of every change. Portable: H2 2.x and MySQL 8 / MariaDB 10.11.

-- A notice year loaded by an administrator replaces the shipped data of that notice year.
CREATE TABLE gs_calendar_year (
  notice_year INT          NOT NULL PRIMARY KEY,
  loaded_by   VARCHAR(64)  NOT NULL,
  loaded_at   TIMESTAMP    NOT NULL,
  reason      VARCHAR(500)
);

CREATE TABLE gs_calendar_year_day (
  notice_year INT          NOT NULL,
  calendar_day DATE        NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (notice_year, calendar_day)
);

-- A correction of one day wins over every notice.
CREATE TABLE gs_calendar_override (
  calendar_day DATE       NOT NULL PRIMARY KEY,
  kind       VARCHAR(16)  NOT NULL,
  name       VARCHAR(64),
  reason     VARCHAR(500) NOT NULL,
  changed_by VARCHAR(64)  NOT NULL,
  changed_at TIMESTAMP    NOT NULL
);

CREATE TABLE gs_calendar_change (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  changed_at TIMESTAMP     NOT NULL,
  changed_by VARCHAR(64)   NOT NULL,
  action     VARCHAR(16)   NOT NULL,
  target     VARCHAR(16)   NOT NULL,
  reason     VARCHAR(500),
  before_value VARCHAR(4000),
  after_value  VARCHAR(4000)
);

-- Bumped on every change; every node reloads when it sees a new value.
CREATE TABLE gs_calendar_version (
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO gs_calendar_version (id, version) VALUES (1, 0);
