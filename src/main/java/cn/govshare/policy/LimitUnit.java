package cn.govshare.policy;

/** How a time limit is counted; NONE: the regulation sets no limit for the step. */
public enum LimitUnit {
  WORKING_DAYS("个工作日"), MONTHS("个月"), YEARS("年"), NONE("");

  private final String chinese;

  LimitUnit(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }
}
