package cn.govshare.audit;

import java.time.Instant;

/** One audited operation (R26): who, what, which object, when, from where, outcome; hash-chained. */
public record AuditRecord(Long id, Instant occurredAt, String actorUserId, String actorName, String actorDepartment,
    String action, String objectType, String objectId, String outcome, String detail, String remoteAddress,
    String concerns, String prevHash, String hash) {
}
