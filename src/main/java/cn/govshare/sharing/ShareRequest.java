package cn.govshare.sharing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An application for another department's data (R11). */
public record ShareRequest(Long id, String businessKey, String resourceCode, String resourceName, String shareType,
    String providerDept, String applicantDept, String applicantUser, Purpose purpose, String reason, String systemName,
    String requestedFields, RequestStatus status, String processInstanceId, Long grantId, String outcomeReason,
    String disputeRef, Instant submittedAt, Instant decidedAt) {

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String statusLabel() {
    return status == null ? null : status.label();
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String purposeLabel() {
    return purpose == null ? null : purpose.label();
  }
}
