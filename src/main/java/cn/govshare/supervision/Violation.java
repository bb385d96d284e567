package cn.govshare.supervision;

import java.time.Instant;

/**
 * One violation in the register (R29): the department, the kind, the rule and the item of the article of the
 * profile in force when it was recorded, the evidence (the case, the deadline, the audit records) and who
 * recorded it ({@code system} or the supervisor's user id). {@code sourceKey}: what it was recorded from, unique.
 */
public record Violation(Long id, String sourceKey, ViolationKind kind, String department, String profile,
    String rule, String item, String citation, String summary, String caseLink, Long deadlineId,
    String auditEvidence, Instant recordedAt, String recordedBy, Instant withdrawnAt, String withdrawnReason) {

  public boolean bySystem() {
    return Violations.SYSTEM.userId().equals(recordedBy);
  }
}
