package cn.govshare.correction;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;

/**
 * A user department's doubt about provided data (R22), and the provider's answer. The record decides the case:
 * parties, resource, the verify period's start ({@code reportedAt}, receipt) and the extension approved so far
 * ({@code extensionDays}); a pending extension request waits in {@code requestedExtensionDays}.
 */
public record Correction(Long id, String resourceCode, String resourceName, String providerDept, String reporterDept,
    String reporterUser, String recordLocator, String description, String evidence, int attachmentCount,
    CorrectionStatus status, String resultNote, int extensionDays, Integer requestedExtensionDays,
    String extensionReason, String processInstanceId, Instant reportedAt, Instant closedAt) {

  static final String KEY_PREFIX = "DC-";

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String statusLabel() {
    return status == null ? null : status.label();
  }

  /** The process instance's business key, {@code DC-<id>}. */
  public String businessKey() {
    return KEY_PREFIX + id;
  }

  /** The departments concerned: the provider and the reporting user department. */
  public Set<String> departments() {
    return Set.of(providerDept, reporterDept);
  }

  Correction withStatus(CorrectionStatus next) {
    return new Correction(id, resourceCode, resourceName, providerDept, reporterDept, reporterUser, recordLocator,
        description, evidence, attachmentCount, next, resultNote, extensionDays, requestedExtensionDays,
        extensionReason, processInstanceId, reportedAt, closedAt);
  }

  Correction withResult(String note, Instant at) {
    return new Correction(id, resourceCode, resourceName, providerDept, reporterDept, reporterUser, recordLocator,
        description, evidence, attachmentCount, status, note, extensionDays, null, null, processInstanceId,
        reportedAt, at);
  }

  Correction withRequest(int days, String reason) {
    return new Correction(id, resourceCode, resourceName, providerDept, reporterDept, reporterUser, recordLocator,
        description, evidence, attachmentCount, status, resultNote, extensionDays, days, reason, processInstanceId,
        reportedAt, closedAt);
  }

  /** The head approved: the requested days join the period (R22). */
  Correction withRequestApplied() {
    return new Correction(id, resourceCode, resourceName, providerDept, reporterDept, reporterUser, recordLocator,
        description, evidence, attachmentCount, status, resultNote, extensionDays + requestedExtensionDays, null,
        null, processInstanceId, reportedAt, closedAt);
  }

  Correction withoutRequest() {
    return new Correction(id, resourceCode, resourceName, providerDept, reporterDept, reporterUser, recordLocator,
        description, evidence, attachmentCount, status, resultNote, extensionDays, null, null, processInstanceId,
        reportedAt, closedAt);
  }
}
