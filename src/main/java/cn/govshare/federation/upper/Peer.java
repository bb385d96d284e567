package cn.govshare.federation.upper;

/**
 * A lower platform as this platform knows it: the service account it calls with, and its code and Chinese
 * name. The code is also the department that stands for the lower platform as applicant here.
 */
record Peer(String userId, String platformCode, String platformName) {

  /** The grant holder code of a lower department here: {@code <platform>:<code>}, never a department of ours. */
  String holder(String lowerDepartmentCode) {
    return platformCode + ":" + lowerDepartmentCode;
  }
}
