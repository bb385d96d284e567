package cn.govshare.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 18 class 6: a lock for good expires on its own, and an administrator unlocks without the web apps. */
@GovShareTest
class AccountLocksTest {

  @LocalServerPort
  int port;

  @Autowired
  AccountLocks locks;

  @Autowired
  UnlockUserRunner runner;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcTemplate jdbc;

  String user;

  @BeforeEach
  void throwawayAccount() {
    user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
    User probe = identity.newUser(user);
    probe.setPassword(user);
    identity.saveUser(probe);
  }

  @AfterEach
  void removeIt() {
    identity.deleteUser(user);
  }

  @Test
  void aLockForGoodIsLiftedAfterTheLockDurationAndAudited() {
    lockForGood(Instant.now().minus(Duration.ofMinutes(5)));
    assertThat(locks.expireLocks()).doesNotContain(user);
    assertThat(ApiClient.as(port, user).get("/api/policy").status()).isEqualTo(401);

    lockForGood(Instant.now().minus(Duration.ofMinutes(31)));
    assertThat(locks.expireLocks()).contains(user);
    assertThat(ApiClient.as(port, user).get("/api/policy").status()).isEqualTo(200);
    assertThat(unlockRecords()).isEqualTo(1);
  }

  @Test
  void theCommandLineFlagUnlocksWithoutAWebLogin() {
    lockForGood(Instant.now());
    assertThat(runner.unlock(user + ", no-such-user")).isEqualTo(1);
    assertThat(ApiClient.as(port, user).get("/api/policy").status()).isEqualTo(200);
    assertThat(unlockRecords()).isEqualTo(1);
  }

  /** docs/operations.md: the SQL for when the application itself cannot start. */
  @Test
  void theDocumentedSqlUnlocksToo() {
    lockForGood(Instant.now());
    assertThat(ApiClient.as(port, user).get("/api/policy").status()).isEqualTo(401);
    jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 0, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", user);
    assertThat(ApiClient.as(port, user).get("/api/policy").status()).isEqualTo(200);
  }

  /** What Camunda leaves after loginMaxAttempts (10) wrong passwords, the last one at {@code at}. */
  private void lockForGood(Instant at) {
    jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?", Timestamp.from(at), user);
  }

  private int unlockRecords() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE action = 'ACCOUNT_UNLOCKED' AND object_id = ?",
        Integer.class, user);
  }
}
