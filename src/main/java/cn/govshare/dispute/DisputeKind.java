package cn.govshare.dispute;

/** How a dispute started (SPEC §5, issue 7). */
public enum DisputeKind {
  /** A CONDITIONAL request refused and contested by the applicant (R18). */
  REFUSAL_CONTESTED,
  /** A request for a NOT_SHARED resource (R18, R19). */
  NOT_SHARED,
  /** Two providers' data disagree (R23). */
  DATA_CONFLICT
}
