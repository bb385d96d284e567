package cn.govshare.sharing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Permission for a department to use a resource within a scope and for a purpose (R17, R20).
 * {@code scope}: comma-separated item names; empty means every item of the entry.
 */
public record Grant(Long id, String department, String resourceCode, String providerDept, String scope,
    Purpose purpose, LocalDate validUntil, String sourceType, String sourceRef, GrantStatus status,
    String statusReason, String statusChangedBy, Instant statusChangedAt, Instant createdAt) {

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String statusLabel() {
    return status == null ? null : status.label();
  }
}
