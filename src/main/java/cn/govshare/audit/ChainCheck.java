package cn.govshare.audit;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/verify}: whether the chain is intact up to its head, how many records
 * it holds, the last id and the head hash, the unkeyed legacy segment (SHA-256, before the chain was keyed)
 * and, when broken, the first record at fault and why.
 */
public record ChainCheck(boolean intact, long count, long lastId, String headHash, Legacy legacy,
    List<String> keyIds, Long firstBrokenId, String detail) {

  /** The records written before the chain was keyed: verified with plain SHA-256, never extended. */
  public record Legacy(long count, long lastId, String algorithm) {
  }
}
