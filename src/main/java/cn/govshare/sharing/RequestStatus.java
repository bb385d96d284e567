package cn.govshare.sharing;

/** Where a share request stands. */
public enum RequestStatus {
  SUBMITTED("已提交"), IN_REVIEW("审核中"), GRANTED("已同意共享"), REFUSED("不予共享"), DISPUTE("争议协调中"),
  /** National art. 21: the provider listed the missing materials; waiting for the applicant. */
  INCOMPLETE("待补充材料"),
  /** The applicant's head did not sign off (national art. 20), or the applicant withdrew. */
  WITHDRAWN("已撤回"),
  /** R24: checked and handed to the upper platform, not yet delivered (or gathered for a bulk application). */
  FORWARDING("待上级平台受理"),
  /** R24: the upper platform has the application; its own periods run there. */
  UPPER_REVIEW("上级平台办理中");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  /** What the applicant reads (issue 20: no raw status names on GovShare's pages). */
  public String label() {
    return label;
  }

  /** A step outcome that is a status name reads as the status; any other outcome is already Chinese. */
  static String labelOf(String outcome) {
    for (RequestStatus status : values()) {
      if (status.name().equals(outcome)) {
        return status.label;
      }
    }
    return outcome;
  }
}
