package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** R26 through HTTP: what is recorded, who reads it, and that tampering is found. */
@GovShareTest
class AuditTrailTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  IdentityService identity;

  @Test
  void failedBasicLoginIsRecordedWithAddressAndTheLockCamundaSets() {
    String user = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    User probe = identity.newUser(user);
    probe.setPassword("right-password");
    identity.saveUser(probe);

    assertThat(ApiClient.withPassword(port, user, "wrong-password").get("/api/policy").status()).isEqualTo(401);
    assertThat(ApiClient.withPassword(port, "nobody-" + user, "x").get("/api/policy").status()).isEqualTo(401);

    JsonNode failed = record("LOGIN_FAILED", user);
    assertThat(failed.path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(failed.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(failed.path("detail").asText()).contains("HTTP Basic", "账户已锁定至");
    assertThat(record("LOGIN_FAILED", "nobody-" + user).path("detail").asText()).doesNotContain("锁定");
    assertThat(audit("supervisor").toString()).doesNotContain("wrong-password");
  }

  @Test
  void failedWebappLoginIsRecordedToo() throws Exception {
    // as the login page does it: session and CSRF token first, then the form post with a wrong password
    String user = "audit-web-" + UUID.randomUUID().toString().substring(0, 8);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=wrong")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode failed = record("LOGIN_FAILED", user);
    assertThat(failed.path("detail").asText()).contains("网页登录", "tasklist");
    assertThat(failed.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void aTaskDecisionIsRecordedForTheActorAndPushedToTheDepartmentsConcerned() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "审计测试", "systemName", "社会保险业务系统"));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json()
        .path("processInstanceId").asText();
    JsonNode check = ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + instance).json().get(0);
    assertThat(ApiClient.as(port, "operator").post("/engine-rest/task/" + check.path("id").asText() + "/complete",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true)))).status()).isEqualTo(204);

    JsonNode decision = record("TASK_COMPLETED", check.path("id").asText());
    assertThat(decision.path("actorUserId").asText()).isEqualTo("operator");
    assertThat(decision.path("actorDepartment").asText()).isEqualTo("dsj");
    assertThat(decision.path("detail").asText()).contains("规范性审查", instance);
    // the applicant department sees the decision on its request; an unrelated department does not
    assertThat(ids(audit("rsj-applicant"))).contains(decision.path("id").asLong());
    assertThat(ids(audit("mzj-applicant"))).doesNotContain(decision.path("id").asLong());
  }

  @Test
  void editingARowInTheDatabaseIsFoundByVerify() {
    ApiClient.withPassword(port, "tamper-probe", "x").get("/api/policy");
    JsonNode victim = record("LOGIN_FAILED", "tamper-probe");
    long id = victim.path("id").asLong();
    assertThat(ApiClient.as(port, "supervisor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
    String original = jdbc.queryForObject("SELECT detail FROM gs_audit WHERE id = ?", String.class, id);
    try {
      jdbc.update("UPDATE gs_audit SET detail = ? WHERE id = ?", original + "（已改）", id);
      JsonNode verdict = ApiClient.as(port, "supervisor").get("/api/audit/verify").json();
      assertThat(verdict.path("intact").asBoolean()).isFalse();
      assertThat(verdict.path("firstBrokenId").asLong()).isEqualTo(id);
      assertThat(ApiClient.as(port, "rsj-applicant").get("/api/audit/verify").status()).isEqualTo(403);
    } finally {
      jdbc.update("UPDATE gs_audit SET detail = ? WHERE id = ?", original, id);
    }
    assertThat(ApiClient.as(port, "supervisor").get("/api/audit/verify").json().path("intact").asBoolean()).isTrue();
  }

  private JsonNode record(String action, String objectId) {
    for (JsonNode record : audit("supervisor")) {
      if (action.equals(record.path("action").asText()) && objectId.equals(record.path("objectId").asText())) {
        return record;
      }
    }
    throw new AssertionError("no " + action + " record for " + objectId);
  }

  private JsonNode audit(String user) {
    ApiClient.Response response = ApiClient.as(port, user).get("/api/audit?limit=5000");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<Long> ids(JsonNode records) {
    List<Long> ids = new ArrayList<>();
    records.forEach(r -> ids.add(r.path("id").asLong()));
    return ids;
  }
}
