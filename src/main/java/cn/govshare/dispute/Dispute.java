package cn.govshare.dispute;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A dispute (R18, R23): a refused or NOT_SHARED request, or two providers' data disagreeing. For a request,
 * {@code partyA} is the applicant and {@code partyB} the provider. {@code policyProfile}: whose chain it follows.
 */
public record Dispute(Long id, DisputeKind kind, Long requestId, String resourceCode, String otherResourceCode,
    String partyA, String partyB, String description, DisputeStatus status, String outcomeReason, String decidedBy,
    Instant decidedAt, Long grantId, String processInstanceId, String createdBy, Instant createdAt,
    String policyProfile) {

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String statusLabel() {
    return status == null ? null : status.label();
  }
}
