package cn.govshare.audit;

/**
 * The chain head row: the last record's hash and id, how many records the chain holds, where the unkeyed
 * legacy segment ends, and an HMAC over all of it under {@code keyId} (null until the first keyed append).
 */
record AuditHead(String lastHash, Long lastId, Long recordCount, Long legacyLastId, String keyId, String headMac) {

  String canonical() {
    return String.join("\n", "head", String.valueOf(lastId), String.valueOf(recordCount), lastHash,
        String.valueOf(legacyLastId));
  }

  long count() {
    return recordCount == null ? 0 : recordCount;
  }

  long last() {
    return lastId == null ? 0 : lastId;
  }

  long legacyEnd() {
    return legacyLastId == null ? 0 : legacyLastId;
  }
}
