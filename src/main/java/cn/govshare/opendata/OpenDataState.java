package cn.govshare.opendata;

/**
 * Where an open-data request stands (R25, nanchang 21). SUBMITTED while the provider owes the answer; APPROVED (the
 * applicant gets the access description) or REFUSED (with reasons) once answered; CANCELLED when its process ended
 * otherwise. Changed only by {@link OpenDataTransitions}.
 */
public enum OpenDataState {
  SUBMITTED("待答复"), APPROVED("同意开放"), REFUSED("不同意开放"), CANCELLED("已终止");

  private final String chinese;

  OpenDataState(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }
}
