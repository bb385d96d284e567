package cn.govshare.federation.api;

/** Where an application stands at the upper platform; the label is what the lower applicant reads. */
public enum UpperStatus {
  RECEIVED("上级平台已受理"), IN_REVIEW("上级平台审核中"), INCOMPLETE("上级平台要求补充材料"),
  DISPUTE("上级平台争议协调中"), GRANTED("上级平台同意共享"), REFUSED("上级平台不予共享"), WITHDRAWN("已撤回");

  private final String label;

  UpperStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** No further change will come: the lower side stops polling the application. */
  public boolean isFinal() {
    return this == GRANTED || this == REFUSED || this == WITHDRAWN;
  }
}
