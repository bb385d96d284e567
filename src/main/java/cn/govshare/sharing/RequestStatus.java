package cn.govshare.sharing;

/** Where a share request stands. */
public enum RequestStatus {
  SUBMITTED, IN_REVIEW, GRANTED, REFUSED, DISPUTE
}
