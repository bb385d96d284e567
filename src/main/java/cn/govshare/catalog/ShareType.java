package cn.govshare.catalog;

/** R1: the three share types of every catalogue entry and item. */
public enum ShareType {
  UNCONDITIONAL("无条件共享"),
  CONDITIONAL("有条件共享"),
  NOT_SHARED("不予共享");

  private final String label;

  ShareType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
