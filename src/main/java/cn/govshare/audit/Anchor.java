package cn.govshare.audit;

import java.time.Instant;

/**
 * A signed statement of the chain head at one instant (R26), kept outside the database: the record
 * {@code lastId} had hash {@code headHash} and was the {@code count}th record. Signed with Ed25519 over
 * {@link #canonical()}; the public key's fingerprint names the signer.
 */
public record Anchor(String format, Instant createdAt, long lastId, long count, String headHash, String keyId,
    boolean chainIntact, String publicKeyFingerprint, String signature) {

  static final String FORMAT = "govshare-audit-anchor-v1";

  String canonical() {
    return String.join("\n", format, createdAt.toString(), String.valueOf(lastId), String.valueOf(count), headHash,
        String.valueOf(keyId), String.valueOf(chainIntact), publicKeyFingerprint);
  }
}
