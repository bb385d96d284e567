package cn.govshare.dispute;

/**
 * OPEN while the parties negotiate, COORDINATING / DECIDING while a body holds it; closed as SHARE or NOT_SHARE
 * (requests), RESOLVED or UNRESOLVED (data conflicts), or CANCELLED when its process was ended undecided.
 * Changed only through {@link DisputeTransitions}.
 */
public enum DisputeStatus {
  OPEN("协商中"), COORDINATING("协调中"), DECIDING("裁决中"), SHARE("决定共享"), NOT_SHARE("决定不予共享"),
  RESOLVED("已解决"), UNRESOLVED("未能解决"), CANCELLED("已取消");

  private final String label;

  DisputeStatus(String label) {
    this.label = label;
  }

  /** What the parties read (issue 20). */
  public String label() {
    return label;
  }

  boolean closed() {
    return this != OPEN && this != COORDINATING && this != DECIDING;
  }
}
