package cn.govshare.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.notification.MailOutbox;
import cn.govshare.policy.ActivePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The open-data portal (R25, nanchang 18-21) through every door its users have: a citizen registers, verifies the
 * e-mail with the code that really arrives by mail, applies for an open resource; the provider answers in time with
 * the limit and article of the profile; the applicant reads the answer. Public accounts reach /api/public only,
 * never another applicant's request, /engine-rest, other /api or the web apps; personal data goes only to the
 * provider and supervisors, each read audited; a profile without the step says so.
 */
@GovShareTest
class OpenDataTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TaskService tasks;

  @Autowired
  IdentityService identity;

  @Autowired
  PublicRateLimits limits;

  @Autowired
  ActivePolicy policy;

  @BeforeEach
  void pointMailAtTheTestServer() {
    mailSender.setPort(SMTP.getSmtp().getPort());
    limits.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    limits.clear();
  }

  @Test
  void aCitizenRegistersVerifiesByMailAppliesAndReadsTheProvidersAnswerWithinFiveWorkingDays() throws Exception {
    setClock("2025-09-26T10:00:00+08:00");
    ApiClient anonymous = ApiClient.anonymous(port);
    JsonNode catalog = anonymous.get("/api/public/catalog").json();
    assertThat(catalog).anyMatch(r -> "FR-001".equals(r.path("code").asText())
        && "scjgj".equals(r.path("provider").asText()));
    // RK-002 (户籍变动) is not open to the public
    assertThat(catalog).noneMatch(r -> "RK-002".equals(r.path("code").asText()));

    String login = "citizen" + SERIAL.incrementAndGet() + System.nanoTime() % 100000;
    String email = login + "@mail.example.cn";
    Map<String, Object> form = new LinkedHashMap<>(Map.of("loginName", login, "password", "Open2025data",
        "kind", "PERSON", "name", "张三", "idNumber", "110105194912310021", "email", email));
    ApiClient.Response badCheckDigit = anonymous.post("/api/public/accounts", form);
    assertThat(badCheckDigit.status()).as(badCheckDigit.toString()).isEqualTo(400);
    assertThat(badCheckDigit.json().path("field").asText()).isEqualTo("idNumber");
    String idNumber = residentId();
    form.put("idNumber", idNumber);
    ApiClient.Response registered = anonymous.post("/api/public/accounts", form);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String userId = registered.json().path("userId").asText();
    assertThat(userId).isEqualTo("pub-" + login);
    assertThat(registered.json().path("verified").asBoolean()).isFalse();
    assertThat(registered.text()).doesNotContain(idNumber);

    ApiClient citizen = ApiClient.withPassword(port, userId, "Open2025data");
    Map<String, Object> application = Map.of("resourceCode", "FR-001", "purpose", "研究本市营商环境",
        "intendedUse", "学术论文中的统计分析，不对外提供原始数据");
    ApiClient.Response early = citizen.post("/api/public/open-data-requests", application);
    assertThat(early.status()).as("an unverified account cannot apply: " + early).isEqualTo(403);

    MailOutbox.drain(context);
    MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("数据开放门户验证码");
    Matcher code = CODE.matcher(mail.getContent().toString());
    assertThat(code.find()).isTrue();
    String wrong = code.group(1).equals("000000") ? "111111" : "000000";
    ApiClient.Response refused = citizen.post("/api/public/accounts/" + userId + "/verification", Map.of("code", wrong));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("code");
    ApiClient.Response verified = citizen.post("/api/public/accounts/" + userId + "/verification",
        Map.of("code", code.group(1)));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().path("verified").asBoolean()).isTrue();

    ApiClient.Response applied = citizen.post("/api/public/open-data-requests", application);
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    long id = applied.json().path("id").asLong();
    String instance = applied.json().path("processInstanceId").asText();
    assertThat(applied.json().path("state").asText()).isEqualTo("SUBMITTED");
    assertThat(applied.json().path("provider").asText()).isEqualTo("scjgj");
    assertThat(applied.json().path("citation").asText()).contains("南昌", "第二十一条");

    // 5 WD from Friday 09-26 (baseline, nanchang 21): make-up Sunday 09-28 counts, National Day does not
    Task review = task(instance);
    assertThat(review.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2025-10-11T00:00+08:00").toInstant());
    assertThat(tasks.getIdentityLinksForTask(review.getId())).anyMatch(l -> "scjgj".equals(l.getGroupId()));
    JsonNode caseFile = ApiClient.as(port, "scjgj-reviewer").get("/api/tasks/" + review.getId() + "/case-file").json();
    assertThat(caseFile.path("deadline").path("rule").asText()).isEqualTo("R25");
    assertThat(caseFile.path("deadline").path("citation").asText()).contains("第二十一条");
    assertThat(caseFile.path("caseFile").path("title").asText()).isEqualTo("开放数据申请");
    assertThat(caseFile.toString()).contains("研究本市营商环境").doesNotContain(idNumber, "张三", email);

    // hostile: another department, a refusal without reasons, a forged routing variable, the applicant itself
    assertThat(complete("gaj-reviewer", review, Map.of("approved", true, "accessDescription", "x")).status())
        .isIn(400, 403);
    ApiClient.Response noReason = complete("scjgj-reviewer", review, Map.of("approved", false));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("field").asText()).isEqualTo("denialReason");
    assertThat(complete("scjgj-reviewer", review, Map.of("approved", true, "accessDescription", "x",
        "provider", "gaj")).status()).isEqualTo(400);
    ApiClient.Response byApplicant = citizen.post("/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true))));
    assertThat(byApplicant.status()).as(byApplicant.toString()).isEqualTo(403);
    assertThat(state(id)).isEqualTo("SUBMITTED");

    assertThat(complete("scjgj-reviewer", review, Map.of("approved", true, "accessDescription",
        "经市共享平台服务网关调用法人基础信息查询接口，账号另行发送")).status()).isEqualTo(204);
    JsonNode mine = citizen.get("/api/public/open-data-requests").json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("state").asText()).isEqualTo("APPROVED");
    assertThat(mine.get(0).path("stateText").asText()).isEqualTo("同意开放");
    assertThat(mine.get(0).path("accessDescription").asText()).contains("服务网关");

    // personal data: the provider and supervisors, each read audited; not the platform, not other departments
    ApiClient.Response forProvider = ApiClient.as(port, "scjgj-reviewer").get("/api/open-data-requests/" + id
        + "/applicant");
    assertThat(forProvider.status()).isEqualTo(200);
    assertThat(forProvider.json().path("idNumber").asText()).isEqualTo(idNumber);
    assertThat(ApiClient.as(port, "supervisor").get("/api/open-data-requests/" + id + "/applicant").status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, "gaj-reviewer").get("/api/open-data-requests/" + id + "/applicant").status())
        .isEqualTo(404);
    assertThat(ApiClient.as(port, "operator").get("/api/open-data-requests/" + id + "/applicant").status())
        .isEqualTo(404);
    assertThat(jdbc.queryForList("SELECT actor_user_id FROM gs_audit WHERE action = 'PUBLIC_PERSONAL_DATA_READ' "
        + "AND object_id = ?", String.class, userId)).containsExactly("scjgj-reviewer", "supervisor");
  }

  @Test
  void publicAccountsReachOnlyThePortalAndOnlyTheirOwnRequests() throws Exception {
    String a = verifiedAccount("alpha");
    String b = verifiedAccount("beta");
    ApiClient alpha = ApiClient.withPassword(port, a, "Open2025data");
    ApiClient beta = ApiClient.withPassword(port, b, "Open2025data");
    ApiClient.Response applied = alpha.post("/api/public/open-data-requests", Map.of("resourceCode", "FR-001",
        "purpose", "了解企业登记情况", "intendedUse", "自用"));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    long id = applied.json().path("id").asLong();
    String task = task(applied.json().path("processInstanceId").asText()).getId();

    assertThat(beta.get("/api/public/open-data-requests").json()).noneMatch(r -> r.path("id").asLong() == id);
    for (String path : List.of("/api/open-data-requests/" + id, "/api/open-data-requests/" + id + "/applicant",
        "/api/share-requests", "/api/catalog/resources", "/api/me", "/api/tasks/" + task + "/case-file",
        "/engine-rest/user/" + a + "/profile", "/engine-rest/task", "/engine-rest/process-instance",
        "/engine-rest/history/variable-instance", "/engine-rest/group?member=" + a)) {
      ApiClient.Response response = alpha.get(path);
      assertThat(response.status()).as(path + " " + response).isEqualTo(403);
    }
    // the fence reads the path the servlet is mapped by, not the raw one: it answers, not a 404 further on
    for (String path : List.of("/api/public/../share-requests", "/api/public/%2e%2e/share-requests",
        "/api/public/..;/engine-rest/task", "/api/public/%2E%2E/%2E%2E/engine-rest/task")) {
      ApiClient.Response response = alpha.get(path);
      assertThat(response.status()).as(path + " " + response).isEqualTo(403);
      assertThat(response.text()).contains("public-applicant-fenced");
    }
    assertThat(alpha.put("/engine-rest/user/" + a + "/profile", Map.of("id", a, "firstName", "改名",
        "email", "other@mail.example.cn")).status()).isEqualTo(403);
    assertThat(alpha.put("/engine-rest/group/scjgj/members/" + a, null).status()).isEqualTo(403);
    assertThat(alpha.post("/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of("approved",
        Map.of("value", false), "denialReason", Map.of("value", "x")))).status()).isEqualTo(403);
    assertThat(identity.createGroupQuery().groupMember(a).list()).extracting(Group::getId)
        .containsExactly("public-applicants");

    // the web apps: Camunda lets every user into Welcome; a public account's session ends at once
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/welcome/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String credentials = "username=" + URLEncoder.encode(a, StandardCharsets.UTF_8) + "&password=Open2025data";
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/"
              + app)).header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
      // refused before the password is checked, with the reason the login page shows
      assertThat(login.statusCode()).as(app + " " + login.body()).isEqualTo(403);
      assertThat(login.body()).contains("数据开放门户");
      HttpResponse<String> read = browser.send(HttpRequest.newBuilder(uri(
              "/camunda/api/engine/engine/default/user/" + a + "/profile")).header("Accept", "application/json")
          .header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).as(app + " " + read.body()).isIn(401, 403);
      assertThat(read.body()).doesNotContain("\"firstName\"");
    }

    // no request field chooses an id or a group: an id with a department's name, a body naming groups, are refused
    ApiClient.Response named = ApiClient.anonymous(port).post("/api/public/accounts", Map.of("loginName",
        "gaj-reviewer", "password", "Open2025data", "kind", "PERSON", "name", "李四", "idNumber", residentId(),
        "email", "x@mail.example.cn"));
    assertThat(named.status()).isEqualTo(400);
    assertThat(named.json().path("field").asText()).isEqualTo("loginName");
    String scjgjLogin = "scjgj" + System.nanoTime() % 100000;
    ApiClient.Response grouped = ApiClient.anonymous(port).post("/api/public/accounts", Map.of("loginName", scjgjLogin,
        "password", "Open2025data", "kind", "COMPANY", "name", "某某科技有限公司", "idNumber", creditCode(),
        "email", "y@mail.example.cn", "groups", List.of("scjgj", "supervisors")));
    assertThat(grouped.status()).as(grouped.toString()).isEqualTo(400);
    assertThat(grouped.json().path("field").asText()).isEqualTo("groups");
    assertThat(identity.createUserQuery().userId("pub-" + scjgjLogin).count()).isZero();
    grouped = ApiClient.anonymous(port).post("/api/public/accounts", Map.of("loginName", scjgjLogin,
        "password", "Open2025data", "kind", "COMPANY", "name", "某某科技有限公司", "idNumber", creditCode(),
        "email", "y@mail.example.cn"));
    assertThat(grouped.status()).as(grouped.toString()).isEqualTo(201);
    assertThat(grouped.json().path("userId").asText()).isEqualTo("pub-" + scjgjLogin);
    assertThat(identity.createGroupQuery().groupMember("pub-" + scjgjLogin).list()).extracting(Group::getId)
        .containsExactly("public-applicants");

    // a refusal states its reasons, and only the applicant sees it in the portal
    assertThat(complete("scjgj-reviewer", tasks.createTaskQuery().taskId(task).singleResult(), Map.of("approved",
        false, "denialReason", "涉及商业秘密的字段未经脱敏，暂不开放（南昌第十九条）")).status()).isEqualTo(204);
    JsonNode answered = alpha.get("/api/public/open-data-requests").json().get(0);
    assertThat(answered.path("state").asText()).isEqualTo("REFUSED");
    assertThat(answered.path("denialReason").asText()).contains("商业秘密");
    assertThat(beta.get("/api/public/open-data-requests").json()).isEmpty();
  }

  @Test
  void underARegulationWithoutOpenDataThePortalSaysSoAndTakesNoRequest() {
    String a = verifiedAccount("gamma");
    policy.activate("jinan");
    try {
      JsonNode portal = ApiClient.anonymous(port).get("/api/public/portal").json();
      assertThat(portal.path("accepting").asBoolean()).isFalse();
      assertThat(portal.path("message").asText()).contains("济南", "不受理开放数据申请");
      ApiClient.Response applied = ApiClient.withPassword(port, a, "Open2025data").post(
          "/api/public/open-data-requests", Map.of("resourceCode", "FR-001", "purpose", "p", "intendedUse", "u"));
      assertThat(applied.status()).as(applied.toString()).isEqualTo(409);
      assertThat(applied.json().path("type").asText()).endsWith("open-data-not-handled");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_open_data_request WHERE applicant = ?", Integer.class,
          a)).isZero();
    } finally {
      policy.activate(ActivePolicy.BASELINE);
    }
    policy.activate("nanchang");
    try {
      JsonNode portal = ApiClient.anonymous(port).get("/api/public/portal").json();
      assertThat(portal.path("accepting").asBoolean()).isTrue();
      assertThat(portal.path("registration").path("open").asBoolean()).as("the test context has a mail server").isTrue();
      assertThat(portal.path("answerLimit").asText()).isEqualTo("5个工作日");
      assertThat(portal.path("citation").asText()).contains("南昌", "第二十一条");
    } finally {
      policy.activate(ActivePolicy.BASELINE);
    }
  }

  @Test
  void anUnansweredRequestBreachesAndIsRecordedAgainstTheProviderWithTheArticle() {
    String a = verifiedAccount("delta");
    setClock("2025-09-26T10:00:00+08:00");
    ApiClient.Response applied = ApiClient.withPassword(port, a, "Open2025data").post(
        "/api/public/open-data-requests", Map.of("resourceCode", "FR-001", "purpose", "超期测试", "intendedUse", "自用"));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    String key = applied.json().path("businessKey").asText();

    setClock("2025-10-11T00:01:00+08:00");
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    await(() -> supervisor.get(
        "/api/violations?dept=scjgj&kind=BREACHED_LIMIT").json().findValuesAsText("summary").stream()
        .anyMatch(summary -> summary.contains(key)));
    JsonNode breaches = supervisor.get("/api/breaches?dept=scjgj&rule=R25&size=100").json();
    assertThat(breaches.toString()).contains("答复开放数据申请", "第二十一条");
    // still open: the provider may answer late, the request is not auto-approved
    assertThat(state(applied.json().path("id").asLong())).isEqualTo("SUBMITTED");
  }

  @Test
  void registrationsFromOneAddressAreLimitedWithRetryAfter() {
    ApiClient anonymous = ApiClient.anonymous(port);
    for (int i = 0; i < 5; i++) {
      assertThat(anonymous.post("/api/public/accounts", Map.of("loginName", "x")).status()).isEqualTo(400);
    }
    ApiClient.Response limited = anonymous.post("/api/public/accounts", Map.of("loginName", "x"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(limited.json().path("retryAfterSeconds").asLong()).isPositive();
  }

  /** The breach timer fires through the running job executor (CAMUNDA-NOTES: up to the executor's max wait). */
  private static void await(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(until);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A registered account whose code was read from the outbox (the mail path is the first test's). */
  private String verifiedAccount(String prefix) {
    String login = prefix + System.nanoTime() % 1000000;
    ApiClient.Response registered = ApiClient.anonymous(port).post("/api/public/accounts", Map.of("loginName", login,
        "password", "Open2025data", "kind", "PERSON", "name", "王五", "idNumber", residentId(),
        "email", login + "@mail.example.cn"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String userId = registered.json().path("userId").asText();
    String body = jdbc.queryForObject("SELECT body FROM gs_notification WHERE recipient = ? AND category = "
        + "'PUBLIC_VERIFICATION' ORDER BY id DESC LIMIT 1", String.class, userId);
    Matcher code = CODE.matcher(body);
    assertThat(code.find()).isTrue();
    assertThat(ApiClient.withPassword(port, userId, "Open2025data").post("/api/public/accounts/" + userId
        + "/verification", Map.of("code", code.group(1))).status()).isEqualTo(200);
    return userId;
  }

  /** A resident identity number of the right form, different each call (check digit per GB 11643). */
  static String residentId() {
    int n = SERIAL.incrementAndGet();
    String body = "1101051980" + String.format("%02d%02d%03d", 1 + n % 12, 1 + n / 12 % 28, n % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** A unified social credit code of the right form (check character per GB 32100). */
  static String creditCode() {
    String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    String body = "91110105" + String.format("%09d", System.nanoTime() % 1_000_000_000L);
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += chars.indexOf(body.charAt(i)) * weights[i];
    }
    return body + chars.charAt((31 - sum % 31) % 31);
  }

  private ApiClient.Response complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return ApiClient.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
  }

  private Task task(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(OpenDataTaskChecks.REVIEW)
        .singleResult();
  }

  private String state(long id) {
    return jdbc.queryForObject("SELECT state FROM gs_open_data_request WHERE id = ?", String.class, id);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private void setClock(String now) {
    ApiClient.Response response = ApiClient.as(port, "admin").put("/api/admin/clock", Map.of("now", now));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }
}
