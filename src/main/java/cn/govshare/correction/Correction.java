package cn.govshare.correction;

import java.time.Instant;

/** A user department's doubt about provided data (R22), and the provider's answer. */
public record Correction(Long id, String resourceCode, String resourceName, String providerDept, String reporterDept,
    String reporterUser, String recordLocator, String description, String evidence, int attachmentCount,
    CorrectionStatus status, String resultNote, int extensionDays, String processInstanceId, Instant reportedAt,
    Instant closedAt) {
}
