package cn.govshare.correction;

/** What moves a correction from one status to the next (the table is {@link CorrectionTransitions}). */
enum CorrectionEvent {
  REPORT("提出疑义"),
  CORRECT("数据有误，已更正"),
  CONFIRM_NO_ERROR("经核实数据无误"),
  REQUEST_EXTENSION("申请延长校核期限"),
  APPROVE_EXTENSION("负责人同意延期"),
  REFUSE_EXTENSION("负责人不同意延期"),
  EXTEND("延期生效并告知使用部门"),
  RESUME("按原期限继续校核"),
  CANCEL("流程终止，疑义未办结");

  private final String chinese;

  CorrectionEvent(String chinese) {
    this.chinese = chinese;
  }

  String chinese() {
    return chinese;
  }
}
