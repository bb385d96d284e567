package cn.govshare.sharing;

/** R17: what shared data may be used for (共享用途). */
public enum Purpose {
  ADMINISTRATIVE_BASIS("作为行政依据"),
  WORK_REFERENCE("工作参考"),
  DATA_VERIFICATION("用于数据校核"),
  BUSINESS_COLLABORATION("业务协同");

  private final String label;

  Purpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
