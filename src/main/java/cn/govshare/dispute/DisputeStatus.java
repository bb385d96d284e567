package cn.govshare.dispute;

/**
 * OPEN while the parties negotiate, COORDINATING / DECIDING while a body holds it; closed as SHARE or NOT_SHARE
 * (requests), RESOLVED or UNRESOLVED (data conflicts), or CANCELLED when its process was ended undecided.
 * Changed only through {@link DisputeTransitions}.
 */
public enum DisputeStatus {
  OPEN, COORDINATING, DECIDING, SHARE, NOT_SHARE, RESOLVED, UNRESOLVED, CANCELLED;

  boolean closed() {
    return this != OPEN && this != COORDINATING && this != DECIDING;
  }
}
