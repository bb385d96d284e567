package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import cn.govshare.MySqlFamily;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 25: records are written without a shared lock and sealed into the keyed chain after their commit. */
@GovShareTest
class AuditSealerTest {

  @Autowired
  AuditTrail trail;

  @Autowired
  AuditSealer sealer;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  AuditHealthIndicator health;

  /** Two nodes' sealers at once (the application's and a second one): one chain, each record sealed once. */
  @Test
  void twoSealersRacingLinkEveryRecordExactlyOnceIntoOneIntactChain(@Autowired SqlSessionFactory sessions,
      @Autowired AuditKeys keys, @Autowired PlatformTransactionManager transactions,
      @Autowired MySqlFamily mysql) throws Exception {
    AuditSealer otherNode = new AuditSealer(sessions, keys, transactions, mysql, Duration.ofSeconds(1),
        Duration.ofMillis(100));
    String marker = "race-" + UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> work = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      int w = writer;
      work.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          trail.record("operator", "SEAL_RACE", "TEST", marker, AuditTrail.OK, "写入者 " + w + " 第 " + i + " 条");
        }
        return null;
      }));
    }
    List<Future<Integer>> sealers = new ArrayList<>();
    for (AuditSealer node : List.of(sealer, otherNode)) {
      sealers.add(pool.submit(() -> {
        int sealed = 0;
        while (writing.get()) {
          sealed += node.sealNow();
        }
        return sealed;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    writing.set(false);
    for (Future<Integer> f : sealers) {
      f.get();
    }
    pool.shutdown();
    sealer.sealNow();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE object_id = ? AND seq > 0", Integer.class,
        marker)).isEqualTo(200);
    ChainCheck check = trail.verify();
    assertThat(check.intact()).as(check.detail()).isTrue();
    assertThat(check.count()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE seq > 0", Long.class));
  }

  /** Someone with database access but no key inserts a record: it is never sealed, and verify names it. */
  @Test
  void aRowWrittenWithoutTheKeyIsRefusedByTheSealerAndReportedByVerify() {
    String marker = "forged-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO gs_audit (occurred_at, actor_user_id, action, object_type, object_id, outcome, prev_hash, "
        + "hash, key_id, record_mac) VALUES (CURRENT_TIMESTAMP, 'supervisor', 'GRANT_CHECK', 'GRANT', ?, 'OK', '', '', "
        + "?, ?)", marker,
        keysInUse(), "0".repeat(64));
    long id = jdbc.queryForObject("SELECT id FROM gs_audit WHERE object_id = ?", Long.class, marker);
    try {
      sealer.sealNow();
      assertThat(jdbc.queryForObject("SELECT seq FROM gs_audit WHERE id = ?", Long.class, id)).isNegative();
      ChainCheck check = trail.verify();
      assertThat(check.intact()).isFalse();
      assertThat(check.firstBrokenId()).isEqualTo(id);
      assertThat(check.detail()).contains("内容 HMAC 不符");
    } finally {
      jdbc.update("DELETE FROM gs_audit WHERE id = ?", id);
    }
    assertThat(trail.verify().intact()).isTrue();
  }

  /** The sealer is stopped: the record is still written (durable), and verify and health say it waits too long. */
  @Test
  void aRecordLeftUnsealedTooLongIsReportedByVerifyAndHealthUntilTheSealerCatchesUp() {
    sealer.stop();
    String marker = "late-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      trail.record("operator", "SEAL_LATE", "TEST", marker, AuditTrail.OK, "封链进程停止时写入");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE object_id = ? AND seq IS NULL",
          Integer.class, marker)).isEqualTo(1);
      assertThat(trail.verify().unsealed().overdue()).isFalse();
      jdbc.update("UPDATE gs_audit SET written_at = TIMESTAMPADD(MINUTE, -10, written_at) WHERE object_id = ?", marker);
      ChainCheck check = trail.verify();
      assertThat(check.unsealed().overdue()).isTrue();
      assertThat(check.unsealed().oldestSeconds()).isGreaterThanOrEqualTo(600);
      assertThat(check.detail()).contains("超过时限未封入链");
      assertThat(health.health().getStatus()).isEqualTo(AuditHealthIndicator.DEGRADED);
    } finally {
      sealer.start();
    }
    sealer.sealNow();
    ChainCheck check = trail.verify();
    assertThat(check.intact()).as(check.detail()).isTrue();
    assertThat(check.unsealed().count()).isZero();
    assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
  }

  /**
   * Issue 25: records prepared apart and inserted together (a breach batch's) keep what was prepared — Chinese,
   * quotes, a backslash, a line break, nulls, a detail of the column's full length, two different seconds — so the
   * sealer finds each one's own HMAC intact and links every one; the chain stays verifiable.
   */
  @Test
  void recordsInsertedTogetherAreStoredAsPreparedAndSealed(@Autowired Clock clock,
      @Autowired TransactionTemplate transaction) throws InterruptedException {
    String marker = "together-" + UUID.randomUUID().toString().substring(0, 8);
    Caller operator = new Caller("operator", "运营 \"O'Neil\" \\", "dsj", Set.of());
    Caller system = new Caller("system", null, null, Set.of());
    List<AuditTrail.Prepared> records = new ArrayList<>();
    records.add(trail.prepare(operator, "BATCH_ROWS", "TEST", marker, AuditTrail.OK,
        "第一条：\"引号\" 'single' \\反斜杠\\\n换行", Set.of("gaj", "rsj"), null));
    Instant first = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    for (int wait = 0; wait < 300 && clock.instant().truncatedTo(ChronoUnit.SECONDS).equals(first); wait++) {
      Thread.sleep(10);
    }
    records.add(trail.prepare(operator, "BATCH_ROWS", "TEST", marker, AuditTrail.OK, "长".repeat(2000), Set.of(),
        "10.0.0.1"));
    records.add(trail.prepare(system, "BATCH_ROWS", "TEST", marker, AuditTrail.REJECTED, null, Set.of(), null));
    transaction.executeWithoutResult(status -> trail.insert(records));
    sealer.sealNow();

    List<Map<String, Object>> rows = jdbc.queryForList("SELECT occurred_at, actor_name, actor_department, detail, "
        + "remote_address, concerns, outcome, seq FROM gs_audit WHERE object_id = ? ORDER BY id", marker);
    assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(((Number) row.get("SEQ")).longValue()).isPositive());
    assertThat(rows.stream().map(row -> row.get("OCCURRED_AT")).distinct()).hasSize(2);
    assertThat(rows.get(0)).containsEntry("ACTOR_NAME", "运营 \"O'Neil\" \\").containsEntry("ACTOR_DEPARTMENT", "dsj")
        .containsEntry("DETAIL", "第一条：\"引号\" 'single' \\反斜杠\\\n换行").containsEntry("CONCERNS", ",gaj,rsj,");
    assertThat(rows.get(1)).containsEntry("DETAIL", "长".repeat(2000)).containsEntry("REMOTE_ADDRESS", "10.0.0.1");
    assertThat(rows.get(2)).containsEntry("DETAIL", null).containsEntry("ACTOR_NAME", null)
        .containsEntry("OUTCOME", AuditTrail.REJECTED);
    ChainCheck check = trail.verify();
    assertThat(check.intact()).as(check.detail()).isTrue();
  }

  private String keysInUse() {
    return jdbc.queryForObject("SELECT key_id FROM gs_audit_head WHERE id = 1", String.class);
  }
}
