package cn.govshare.audit;

import java.util.List;

/**
 * The answer of {@code GET /api/audit/verify}: whether the chain is intact up to its head, how many records
 * it holds, the last id and the head hash, the unkeyed legacy segment (SHA-256, before the chain was keyed),
 * when broken the first record at fault and why, and the records written but not yet sealed into the chain.
 */
public record ChainCheck(boolean intact, long count, long lastId, String headHash, Legacy legacy,
    List<String> keyIds, Long firstBrokenId, String detail, Unsealed unsealed) {

  /** The records written before the chain was keyed: verified with plain SHA-256, never extended. */
  public record Legacy(long count, long lastId, String algorithm) {
  }

  /**
   * Records committed but not yet linked by the sealer: normal for a moment after each commit; {@code overdue}
   * when the oldest has waited longer than {@code govshare.audit.seal-overdue} (sealer stopped or failing).
   */
  public record Unsealed(long count, Long oldestId, Long oldestSeconds, boolean overdue) {

    String note() {
      if (!overdue) {
        return "";
      }
      return "；另有 " + count + " 条记录已写入但超过时限未封入链（最早 id " + oldestId + "，已等待 " + oldestSeconds
          + " 秒）：封链进程停止或出错";
    }
  }
}
