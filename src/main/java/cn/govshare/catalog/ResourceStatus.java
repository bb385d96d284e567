package cn.govshare.catalog;

/** DRAFT until the platform approves it (R7), PUBLISHED while usable, RETIRED after deletion took effect. */
public enum ResourceStatus {
  DRAFT,
  PUBLISHED,
  RETIRED
}
