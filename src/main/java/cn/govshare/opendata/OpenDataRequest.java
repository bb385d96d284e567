package cn.govshare.opendata;

import java.time.Instant;

/**
 * An open-data request (开放数据申请, R25; nanchang 21): the public applicant (an account id; the personal data stays
 * in the account), the open resource and its provider as the catalogue had them when it was filed, purpose and use,
 * the article in force, and the answer. Who answers and from when the 5 WD run come from this row.
 */
record OpenDataRequest(Long id, String applicant, String resourceCode, String resourceName, String provider,
    String purpose, String intendedUse, String shareModes, String citation, OpenDataState state, Instant submittedAt,
    Instant answeredAt, String answeredBy, String denialReason, String accessDescription, String processInstanceId) {

  static final String KEY_PREFIX = "OD-";

  String businessKey() {
    return KEY_PREFIX + id;
  }

  OpenDataRequest withState(OpenDataState next) {
    return new OpenDataRequest(id, applicant, resourceCode, resourceName, provider, purpose, intendedUse, shareModes,
        citation, next, submittedAt, answeredAt, answeredBy, denialReason, accessDescription, processInstanceId);
  }

  OpenDataRequest withAnswer(Instant at, String by, String reason, String access) {
    return new OpenDataRequest(id, applicant, resourceCode, resourceName, provider, purpose, intendedUse, shareModes,
        citation, state, submittedAt, at, by, reason, access, processInstanceId);
  }
}
