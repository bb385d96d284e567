package cn.govshare.sharing;

/** R21: a provider may suspend or terminate a grant; a grant past its date has expired. */
public enum GrantStatus {
  ACTIVE("有效"), SUSPENDED("已暂停"), TERMINATED("已终止"), EXPIRED("已过期");

  private final String label;

  GrantStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
