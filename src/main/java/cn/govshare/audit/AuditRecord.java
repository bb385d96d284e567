package cn.govshare.audit;

import java.time.Instant;

/**
 * One audited operation (R26): who, what, which object, when, from where, outcome; chained by an HMAC under
 * the key {@code keyId} (null: a record of the unkeyed SHA-256 segment written before the chain was keyed).
 */
public record AuditRecord(Long id, Instant occurredAt, String actorUserId, String actorName, String actorDepartment,
    String action, String objectType, String objectId, String outcome, String detail, String remoteAddress,
    String concerns, String prevHash, String hash, String keyId) {

  AuditRecord linked(String previous, String key, String mac) {
    return new AuditRecord(id, occurredAt, actorUserId, actorName, actorDepartment, action, objectType, objectId,
        outcome, detail, remoteAddress, concerns, previous, mac, key);
  }

  /**
   * What the record's own HMAC (gs_audit.record_mac) covers when it is written, before it is sealed: its
   * content and key id without a link, so the sealer refuses a row written without the key.
   */
  String unsealedText() {
    return "unsealed\n" + linked(null, keyId, null).canonical();
  }

  /** The text the hash or HMAC covers: every column but the id and the hash itself. */
  String canonical() {
    String fields = String.join("\n", prevHash, String.valueOf(occurredAt.getEpochSecond()), actorUserId,
        String.valueOf(actorName), String.valueOf(actorDepartment), action, objectType, String.valueOf(objectId),
        outcome, String.valueOf(detail), String.valueOf(remoteAddress), String.valueOf(concerns));
    return keyId == null ? fields : "v2\n" + keyId + "\n" + fields;
  }
}
