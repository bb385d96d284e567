package cn.govshare.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Callers are cached for a few seconds (issue 12), but a change an administrator makes in Camunda Admin or
 * through the identity service counts from the very next call: a removed membership, a new password, a
 * lock. {@code /api/audit/verify} answers only supervisors, so it shows which groups the caller has.
 */
@GovShareTest
class CallerCacheTest {

  private static final String USER = "cache-probe";
  /** A second account for wrong-password attempts: a refused login delays the account's next one. */
  private static final String OTHER = "cache-probe-other";
  private static final String VERIFY = "/api/audit/verify";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @BeforeEach
  void supervisor() {
    User user = identity.newUser(USER);
    user.setFirstName("探针");
    user.setLastName("缓存");
    user.setPassword("first-password");
    identity.saveUser(user);
    identity.createMembership(USER, Groups.SUPERVISORS);
    User other = identity.newUser(OTHER);
    other.setPassword("other-password");
    identity.saveUser(other);
    identity.createMembership(OTHER, Groups.SUPERVISORS);
  }

  @AfterEach
  void remove() {
    identity.deleteUser(USER);
    identity.deleteUser(OTHER);
  }

  @Test
  void removedMembershipCountsFromTheNextCall() {
    ApiClient probe = ApiClient.withPassword(port, USER, "first-password");
    assertThat(probe.get(VERIFY).status()).isEqualTo(200);
    assertThat(probe.get(VERIFY).status()).isEqualTo(200);

    identity.deleteMembership(USER, Groups.SUPERVISORS);
    assertThat(probe.get(VERIFY).status()).isEqualTo(403);

    identity.createMembership(USER, Groups.SUPERVISORS);
    assertThat(probe.get(VERIFY).status()).isEqualTo(200);
  }

  @Test
  void changedPasswordCountsFromTheNextCall() {
    ApiClient old = ApiClient.withPassword(port, USER, "first-password");
    assertThat(old.get(VERIFY).status()).isEqualTo(200);

    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setPassword("second-password");
    identity.saveUser(user);

    assertThat(old.get(VERIFY).status()).isEqualTo(401);
    identity.unlockUser(USER);  // the refused attempt started Camunda's login delay
    assertThat(ApiClient.withPassword(port, USER, "second-password").get(VERIFY).status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordIsRefusedEvenRightAfterTheRightOne() {
    assertThat(ApiClient.withPassword(port, USER, "first-password").get(VERIFY).status()).isEqualTo(200);
    assertThat(ApiClient.withPassword(port, USER, "first-passwor").get(VERIFY).status()).isEqualTo(401);
    assertThat(ApiClient.withPassword(port, OTHER, "first-password").get(VERIFY).status()).isEqualTo(401);
  }

  @Test
  void lockedAccountIsRefusedThoughItsPasswordWasCached() {
    ApiClient probe = ApiClient.withPassword(port, USER, "first-password");
    assertThat(probe.get(VERIFY).status()).isEqualTo(200);

    // what Camunda does after too many failed attempts; the cached success must not outlive it
    identity.deleteUser(USER);
    assertThat(probe.get(VERIFY).status()).isEqualTo(401);
  }
}
