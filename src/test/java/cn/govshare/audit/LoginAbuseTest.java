package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.web.LoginThrottle;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 class 6, as an outsider: wrong passwords from one address neither lock an account for good nor
 * flood the audit; the throttle answers 429, never 500. Issue 18 class 8: a right web login without the
 * CSRF header is no failed login.
 */
@GovShareTest
class LoginAbuseTest {

  @LocalServerPort
  int port;

  @Autowired
  LoginThrottle throttle;

  @Autowired
  FailedLogins failedLogins;

  @Autowired
  IdentityService identity;

  @Autowired
  ProcessEngineConfiguration engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Clock clock;

  @AfterEach
  void forgetTheAttacker() {
    throttle.clear();
  }

  @Test
  void a110WrongPasswordsForAdminDoNotLockItForGood() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    ApiClient.Response throttled = null;
    for (int i = 0; i < 110; i++) {
      ApiClient.Response response = ApiClient.withPassword(port, "admin", "guess-" + i).get("/engine-rest/user");
      statuses.merge(response.status(), 1, Integer::sum);
      if (response.status() == 429) {
        throttled = response;
      }
    }
    assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(401, 429);
    assertThat(statuses.get(429)).isGreaterThan(90);
    assertThat(throttled.header("Retry-After")).matches("\\d+");
    assertThat(throttled.json().path("type").asText()).isEqualTo("urn:govshare:problem:too-many-login-attempts");
    // while throttled even the right password is not checked
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/user").status()).isEqualTo(429);

    UserEntity admin = (UserEntity) identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getAttempts()).isLessThan(((ProcessEngineConfigurationImpl) engine).getLoginMaxAttempts());
    // after the throttle window and Camunda's own short delay, the right password works
    waitUntil(Instant.ofEpochMilli(Math.max(System.currentTimeMillis() + 1000L * Long.parseLong(
        throttled.header("Retry-After")), admin.getLockExpirationTime() == null ? 0
        : admin.getLockExpirationTime().getTime() - ClockUtil.getCurrentTime().getTime() + System.currentTimeMillis())));
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/user").status()).isEqualTo(200);
  }

  @Test
  void fiveHundredRandomUserNamesWriteAHandfulOfAuditRowsAndNoName() {
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
    long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM gs_audit", Long.class);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String name = "x" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      names.add(name);
      int status = ApiClient.withPassword(port, name, "secret").get("/api/policy").status();
      assertThat(status).isIn(401, 429);
    }
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT action, object_id, detail FROM gs_audit WHERE id > ? AND action LIKE 'LOGIN%'", before);
    assertThat(rows).as(rows.toString()).hasSizeBetween(1, 5);
    String written = rows.toString();
    assertThat(names).noneMatch(written::contains);
    assertThat(written).contains("LOGIN_THROTTLED", "unknown:");
  }

  @Test
  void aRightWebLoginWithoutTheCsrfHeaderIsNoFailedLogin() throws Exception {
    // a demo user who may use Tasklist (password = user id)
    String user = "mzj-applicant";
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
    long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM gs_audit", Long.class);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    token(browser);
    assertThat(login(browser, user, user, null).statusCode()).isEqualTo(403);
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_audit WHERE id > ? AND object_id = ?", Integer.class,
        before, user)).isZero();
    // the same login as the login page sends it works: the throttle left it alone
    HttpClient page2 = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> right = login(page2, user, user, token(page2));
    assertThat(right.statusCode()).as(right.headers().map() + " " + right.body()).isEqualTo(200);
  }

  @Test
  void wrongWebLoginsAreThrottledWith429() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token = token(browser);
    Map<Integer, Integer> statuses = new TreeMap<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 60; i++) {
      last = login(browser, "no-such-" + i, "wrong", token);
      statuses.merge(last.statusCode(), 1, Integer::sum);
    }
    assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(401, 429);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  /** Opens the login page in this browser; returns its CSRF token. */
  private String token(HttpClient browser) throws Exception {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    return page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
  }

  private HttpResponse<String> login(HttpClient browser, String user, String password, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void waitUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis + 200);
    }
  }
}
