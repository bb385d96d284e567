package cn.govshare.supervision;

/**
 * The kinds of violation the regulations list (R29; jinan 21, county 24, hubei 26 and 31, shaoyang 32, nanchang 30,
 * national 39). {@code judged}: recorded by a supervisor or the general office (it needs judgement); the others
 * come from GovShare's own records (a breached deadline, a correction that found an error, a withdrawn grant,
 * refused calls, a lapsed order). Misuse is both: withdrawn grants and refused calls, and what a supervisor finds.
 */
public enum ViolationKind {
  BREACHED_LIMIT("超过规定时限", false),
  REFUSAL_WITHOUT_GROUNDS("无正当理由拒绝共享", true),
  LATE_CATALOGUE("未按时更新目录", true),
  DATA_MISMATCH("提供的数据与实际不符", false),
  MISUSE("超范围使用或违规使用共享数据", true),
  IGNORED_ORDER("逾期不整改", false);

  private final String chinese;
  private final boolean judged;

  ViolationKind(String chinese, boolean judged) {
    this.chinese = chinese;
    this.judged = judged;
  }

  public String chinese() {
    return chinese;
  }

  public boolean judged() {
    return judged;
  }
}
