package cn.govshare.deadline;

/** OPEN → MET | BREACHED → LATE; CANCELLED when the task is deleted without completion (SPEC §7). */
public enum DeadlineState {
  OPEN("办理中"), MET("按期办结"), BREACHED("已超期"), LATE("逾期办结"), CANCELLED("已取消");

  private final String label;

  DeadlineState(String label) {
    this.label = label;
  }

  /** What users read (issue 20: no raw state names on GovShare's pages). */
  public String label() {
    return label;
  }
}
