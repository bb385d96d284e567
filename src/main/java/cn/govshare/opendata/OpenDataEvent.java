package cn.govshare.opendata;

/** What moves an open-data request (the table is {@link OpenDataTransitions}). */
enum OpenDataEvent {
  SUBMIT("提交开放数据申请"),
  APPROVE("同意开放"),
  REFUSE("不同意开放并说明理由"),
  CANCEL("流程终止，申请未办结");

  private final String chinese;

  OpenDataEvent(String chinese) {
    this.chinese = chinese;
  }

  String chinese() {
    return chinese;
  }
}
