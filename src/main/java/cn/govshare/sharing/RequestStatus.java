package cn.govshare.sharing;

/** Where a share request stands. */
public enum RequestStatus {
  SUBMITTED, IN_REVIEW, GRANTED, REFUSED, DISPUTE,
  /** National art. 21: the provider listed the missing materials; waiting for the applicant. */
  INCOMPLETE,
  /** The applicant's head did not sign off (national art. 20), or the applicant withdrew. */
  WITHDRAWN
}
