package cn.govshare.catalog;

/** What a submission to the platform asks for (R7). */
public enum ChangeKind {
  PUBLISH("发布"),
  CHANGE("变更"),
  RETIRE("删除");

  private final String label;

  ChangeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
