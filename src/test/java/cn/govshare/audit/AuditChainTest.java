package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's verification rules on a hand-built chain: legacy segment, key ids, head. */
class AuditChainTest {

  private static final AuditKeys KEYS = AuditKeys.of("k1", "0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII));
  private static final Instant AT = Instant.parse("2025-10-01T02:00:00Z");

  @Test
  void unkeyedRecordsBeforeTheMigrationAreVerifiedAsALegacySegmentAndSaidSo() {
    List<AuditRecord> chain = legacy(3);
    String previous = chain.get(2).hash();
    for (long id = 4; id <= 5; id++) {
      AuditRecord record = record(id, previous, "k1");
      previous = KEYS.mac("k1", record.canonical());
      chain.add(record.linked(record.prevHash(), "k1", previous));
    }
    ChainCheck check = trail(chain, signedHead(previous, 5, 5, 3)).verify();
    assertThat(check.intact()).as(check.detail()).isTrue();
    assertThat(check.count()).isEqualTo(5);
    assertThat(check.lastId()).isEqualTo(5);
    assertThat(check.legacy().count()).isEqualTo(3);
    assertThat(check.legacy().lastId()).isEqualTo(3);
    assertThat(check.keyIds()).containsExactly("k1");
    assertThat(check.detail()).contains("旧链段");
  }

  @Test
  void anUnkeyedRecordAfterTheLegacySegmentIsABreak() {
    List<AuditRecord> chain = legacy(3);
    ChainCheck check = trail(chain, signedHead(chain.get(2).hash(), 3, 3, 1)).verify();
    assertThat(check.intact()).isFalse();
    assertThat(check.firstBrokenId()).isEqualTo(2);
  }

  @Test
  void aRecordSignedWithAKeyNoLongerConfiguredCannotBeVerified() {
    AuditKeys other = AuditKeys.of("k0", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    AuditRecord record = record(1, AuditTrail.GENESIS, "k0");
    AuditRecord signed = record.linked(record.prevHash(), "k0", other.mac("k0", record.canonical()));
    ChainCheck check = trail(List.of(signed), signedHead(signed.hash(), 1, 1, 0)).verify();
    assertThat(check.intact()).isFalse();
    assertThat(check.detail()).contains("k0", "未配置");
  }

  /** Rotation: the key file's last line signs; earlier lines and retired keys still verify. */
  @Test
  void afterRotationOldRecordsVerifyWithTheRetiredKeyAndNewOnesUseTheNewKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.key");
    String k1 = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(
        StandardCharsets.US_ASCII));
    String k2 = "k2:" + Base64.getEncoder().encodeToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".getBytes(
        StandardCharsets.US_ASCII));
    Files.writeString(file, k1 + "\n" + k2 + "\n");
    AuditKeys rotated = AuditKeys.load("", file, List.of(), false, Clock.systemUTC());
    assertThat(rotated.currentId()).isEqualTo("k2");
    assertThat(rotated.mac("k1", "x")).isEqualTo(KEYS.mac("k1", "x"));
    AuditKeys byProperty = AuditKeys.load(k2, null, List.of(k1), false, Clock.systemUTC());
    assertThat(byProperty.currentId()).isEqualTo("k2");
    assertThat(byProperty.ids()).containsExactlyInAnyOrder("k1", "k2");
  }

  @Test
  void productionRefusesToStartWithoutAKeyAndDemoGeneratesAKeyFile(@TempDir Path dir) {
    Path file = dir.resolve("audit.key");
    assertThatThrownBy(() -> AuditKeys.load("", file, List.of(), false, Clock.systemUTC()))
        .hasMessageContaining("govshare.audit.key");
    assertThat(file).doesNotExist();
    AuditKeys generated = AuditKeys.load("", file, List.of(), true, Clock.systemUTC());
    assertThat(file).exists();
    assertThat(AuditKeys.load("", file, List.of(), false, Clock.systemUTC()).mac(generated.currentId(), "x"))
        .isEqualTo(generated.mac(generated.currentId(), "x"));
  }

  /** Records 1..n as written before V40: plain SHA-256, no key id. */
  private static List<AuditRecord> legacy(int n) {
    List<AuditRecord> chain = new ArrayList<>();
    String previous = AuditTrail.GENESIS;
    for (long id = 1; id <= n; id++) {
      AuditRecord record = record(id, previous, null);
      previous = AuditTrail.sha256(record);
      chain.add(record.linked(record.prevHash(), null, previous));
    }
    return chain;
  }

  private static AuditRecord record(long id, String previous, String keyId) {
    return new AuditRecord(id, AT.plusSeconds(id), "operator", "运营", "dsj", "PROBE", "TEST", "o" + id, "OK",
        "第 " + id + " 条", "127.0.0.1", null, previous, null, keyId);
  }

  private static AuditHead signedHead(String last, long lastId, long count, long legacyEnd) {
    AuditHead head = new AuditHead(last, lastId, count, legacyEnd, "k1", null);
    return new AuditHead(last, lastId, count, legacyEnd, "k1", KEYS.mac("k1", head.canonical()));
  }

  private static AuditTrail trail(List<AuditRecord> chain, AuditHead head) {
    AuditMapper mapper = mock(AuditMapper.class);
    when(mapper.head()).thenReturn(head);
    when(mapper.findAfter(eq(0L), anyLong(), anyInt())).thenReturn(chain);
    when(mapper.waiting()).thenReturn(new AuditMapper.Waiting(0, null, null));
    when(mapper.firstRefused()).thenReturn(null);
    return new AuditTrail(mapper, null, null, null, KEYS, null, Duration.ofSeconds(5), null);
  }
}
