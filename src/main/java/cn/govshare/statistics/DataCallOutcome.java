package cn.govshare.statistics;

/** R27: what became of a data call (a grant check, R20). */
public enum DataCallOutcome {
  /** allowed within an active grant */
  SERVED,
  /** refused: no active grant at all */
  REFUSED_NO_GRANT,
  /** refused: a grant exists but the call's purpose or field lies outside it (out-of-scope use, R20) */
  REFUSED_OUT_OF_SCOPE
}
