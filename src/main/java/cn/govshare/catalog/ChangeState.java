package cn.govshare.catalog;

/** IN_REVIEW by the platform, then REJECTED, or SCHEDULED until the effective date, then APPLIED (R7). */
public enum ChangeState {
  IN_REVIEW,
  REJECTED,
  SCHEDULED,
  APPLIED
}
