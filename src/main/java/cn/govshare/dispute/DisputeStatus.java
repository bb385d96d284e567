package cn.govshare.dispute;

/** OPEN until decided: SHARE or NOT_SHARE for requests, RESOLVED for a data conflict. */
public enum DisputeStatus {
  OPEN, SHARE, NOT_SHARE, RESOLVED
}
