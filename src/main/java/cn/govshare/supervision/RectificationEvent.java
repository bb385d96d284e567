package cn.govshare.supervision;

/** What moves a rectification order (the table is {@link RectificationTransitions}). */
enum RectificationEvent {
  ISSUE("责令改正"),
  ANSWER("报送整改情况"),
  LAPSE("逾期未整改"),
  ACCEPT("整改通过"),
  SEND_BACK("退回重新整改"),
  CANCEL("流程终止，整改未办结");

  private final String chinese;

  RectificationEvent(String chinese) {
    this.chinese = chinese;
  }

  String chinese() {
    return chinese;
  }
}
