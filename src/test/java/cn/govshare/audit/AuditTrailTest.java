package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.govshare.ApiClient;
import cn.govshare.CaseDirectory;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
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

  @Autowired
  AuditTrail trail;

  @Autowired
  FailedLogins failedLogins;

  @Autowired
  AuditSealer sealer;

  @Autowired
  Clock clock;

  @Autowired
  ObjectProvider<CaseDirectory> directories;

  @Test
  void failedBasicLoginIsRecordedWithAddressAndTheLockCamundaSets() {
    String user = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    User probe = identity.newUser(user);
    probe.setPassword("right-password");
    identity.saveUser(probe);

    assertThat(ApiClient.withPassword(port, user, "wrong-password").get("/api/policy").status()).isEqualTo(401);
    assertThat(ApiClient.withPassword(port, "nobody-" + user, "x").get("/api/policy").status()).isEqualTo(401);
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));

    JsonNode failed = record("LOGIN_FAILED", user);
    assertThat(failed.path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(failed.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(failed.path("detail").asText()).contains("HTTP Basic", "失败 1 次", "账户已锁定至");
    // a name that is no user is kept only as a keyed digest (issue 18 class 6)
    JsonNode unknown = unknownName(trail.pseudonym("nobody-" + user));
    assertThat(unknown.path("detail").asText()).doesNotContain("锁定");
    assertThat(audit("supervisor").toString()).doesNotContain("wrong-password").doesNotContain("nobody-" + user);
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
    failedLogins.flush(clock.instant().plus(Duration.ofMinutes(1)));
    JsonNode failed = unknownName(trail.pseudonym(user));
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
    assertThat(ids(audit("mzj-applicant"))).doesNotContain(decision.path("id").asLong());
    // the applicant department sees the decision on its request, found by the process instance in
    // GovShare's records (the share-request CaseDirectory), not from a process variable
    assumeTrue(directories.orderedStream().anyMatch(d -> d.byProcessInstance(instance).isPresent()),
        "no CaseDirectory for share requests on this branch");
    assertThat(ids(audit("rsj-applicant"))).contains(decision.path("id").asLong());
  }

  /** A grant issued inside the provider's completion is the provider's act, not the system's. */
  @Test
  void aGrantIssuedInsideAUsersCompletionIsAttributedToThatUser() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "审计测试", "systemName", "社会保险业务系统"));
    String instance = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body).json()
        .path("processInstanceId").asText();
    String check = ApiClient.as(port, "operator").get("/engine-rest/task?processInstanceId=" + instance).json()
        .get(0).path("id").asText();
    ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/submit-form",
        Map.of("variables", Map.of("checkPassed", Map.of("value", true))));
    String authorization = ApiClient.as(port, "gaj-reviewer").get("/engine-rest/task?processInstanceId=" + instance)
        .json().get(0).path("id").asText();
    assertThat(ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + authorization + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", true), "grantScope", Map.of("value", "姓名"))))
        .status()).isEqualTo(204);
    JsonNode grant = null;
    for (JsonNode record : audit("supervisor")) {
      if ("GRANT_ISSUED".equals(record.path("action").asText()) && grant == null) {
        grant = record;
      }
    }
    assertThat(grant).isNotNull();
    assertThat(grant.path("actorUserId").asText()).isEqualTo("gaj-reviewer");
    assertThat(grant.path("actorDepartment").asText()).isEqualTo("gaj");
  }

  @Test
  void editingARowInTheDatabaseIsFoundByVerify() {
    trail.record("operator", "TAMPER_PROBE", "TEST", "tamper-probe", AuditTrail.OK, "原文");
    sealer.sealNow();
    JsonNode victim = record("TAMPER_PROBE", "tamper-probe");
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

  @Test
  void deletingTheNewestRecordsIsFoundByVerify() {
    for (int i = 0; i < 3; i++) {
      trail.record("operator", "TRUNCATE_PROBE", "TEST", "probe-" + i, AuditTrail.OK, "第 " + i + " 条");
    }
    sealer.sealNow();
    JsonNode before = verdict();
    assertThat(before.path("intact").asBoolean()).as(before.toString()).isTrue();
    long last = before.path("lastId").asLong();
    assertThat(before.path("count").asLong()).isPositive();
    assertThat(before.path("headHash").asText()).hasSize(64);
    List<Map<String, Object>> newest = jdbc.queryForList(
        "SELECT * FROM gs_audit WHERE id > ? AND id <= ? ORDER BY id", last - 2, last);
    try {
      jdbc.update("DELETE FROM gs_audit WHERE id > ? AND id <= ?", last - 2, last);
      JsonNode verdict = verdict();
      assertThat(verdict.path("intact").asBoolean()).isFalse();
      assertThat(verdict.path("firstBrokenId").asLong()).isEqualTo(last - 1);
      assertThat(verdict.path("detail").asText()).contains("最新的记录被删除");
    } finally {
      restore(newest);
    }
    assertThat(verdict().path("intact").asBoolean()).isTrue();
  }

  /** An attacker with database access but no key edits a row and re-hashes the rest with plain SHA-256. */
  @Test
  void editingARowAndRehashingTheRestWithSha256IsFoundByVerify() {
    for (int i = 0; i < 3; i++) {
      trail.record("operator", "REHASH_PROBE", "TEST", "probe-" + i, AuditTrail.OK, "第 " + i + " 条");
    }
    sealer.sealNow();
    long last = verdict().path("lastId").asLong();
    long victim = last - 2;
    List<Map<String, Object>> original = jdbc.queryForList(
        "SELECT * FROM gs_audit WHERE id >= ? AND id <= ? ORDER BY id", victim, last);
    Map<String, Object> head = jdbc.queryForMap("SELECT * FROM gs_audit_head WHERE id = 1");
    for (boolean downgrade : new boolean[] {false, true}) {
      try {
        jdbc.update("UPDATE gs_audit SET detail = ? WHERE id = ?", "改过的内容", victim);
        if (downgrade) {
          // pretend the rows are legacy (unkeyed) records
          jdbc.update("UPDATE gs_audit SET key_id = NULL WHERE id >= ?", victim);
        }
        String previous = jdbc.queryForObject("SELECT prev_hash FROM gs_audit WHERE id = ?", String.class, victim);
        for (AuditRecord row : jdbc.query("SELECT * FROM gs_audit WHERE id >= ? AND id <= ? ORDER BY id",
            (rs, n) -> new AuditRecord(
            rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_user_id"),
            rs.getString("actor_name"), rs.getString("actor_department"), rs.getString("action"),
            rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"), rs.getString("detail"),
            rs.getString("remote_address"), rs.getString("concerns"), null, null, rs.getString("key_id")), victim, last)) {
          String hash = AuditTrail.sha256(row.linked(previous, row.keyId(), null));
          jdbc.update("UPDATE gs_audit SET prev_hash = ?, hash = ? WHERE id = ?", previous, hash, row.id());
          previous = hash;
        }
        jdbc.update("UPDATE gs_audit_head SET last_hash = ? WHERE id = 1", previous);
        JsonNode verdict = verdict();
        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.path("firstBrokenId").asLong()).isEqualTo(victim);
      } finally {
        jdbc.update("DELETE FROM gs_audit WHERE id >= ? AND id <= ?", victim, last);
        restore(original);
        jdbc.update("UPDATE gs_audit_head SET last_hash = ?, head_mac = ? WHERE id = 1", head.get("LAST_HASH"),
            head.get("HEAD_MAC"));
      }
    }
    assertThat(verdict().path("intact").asBoolean()).isTrue();
  }

  @Test
  void anAnchorFileOutsideTheDatabaseShowsARewrittenChain() throws Exception {
    trail.record("operator", "ANCHOR_PROBE", "TEST", "probe", AuditTrail.OK, "锚定前");
    assertThat(ApiClient.as(port, "supervisor").post("/api/audit/anchors", Map.of()).status()).isEqualTo(403);
    ApiClient.Response written = ApiClient.as(port, "admin").post("/api/audit/anchors", Map.of());
    assertThat(written.status()).as(written.toString()).isEqualTo(201);
    String file = written.json().path("file").asText();
    JsonNode anchor = written.json().path("anchor");
    Path anchors = Path.of(System.getProperty("user.dir"), "data", "audit-anchors");
    assertThat(Files.readString(anchors.resolve(file))).contains(anchor.path("signature").asText());

    JsonNode check = ApiClient.as(port, "supervisor").get("/api/audit/verify?anchor=" + file).json();
    assertThat(check.path("signatureValid").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.path("matches").asBoolean()).as(check.toString()).isTrue();

    // the auditor's own copy: a forged anchor does not verify
    Map<String, Object> forged = ApiClient.JSON.convertValue(anchor, Map.class);
    forged.put("headHash", "0".repeat(64));
    JsonNode forgedCheck = ApiClient.as(port, "supervisor").post("/api/audit/verify", forged).json();
    assertThat(forgedCheck.path("signatureValid").asBoolean()).isFalse();
    assertThat(ApiClient.as(port, "supervisor").post("/api/audit/verify", anchor).json().path("matches").asBoolean())
        .isTrue();

    long anchored = anchor.path("lastId").asLong();
    String hash = jdbc.queryForObject("SELECT hash FROM gs_audit WHERE id = ?", String.class, anchored);
    try {
      jdbc.update("UPDATE gs_audit SET hash = ? WHERE id = ?", "f".repeat(64), anchored);
      JsonNode rewritten = ApiClient.as(port, "supervisor").get("/api/audit/verify?anchor=" + file).json();
      assertThat(rewritten.path("matches").asBoolean()).isFalse();
      assertThat(rewritten.path("detail").asText()).contains("哈希与锚点不符");
    } finally {
      jdbc.update("UPDATE gs_audit SET hash = ? WHERE id = ?", hash, anchored);
    }
    JsonNode key = ApiClient.as(port, "rsj-applicant").get("/api/audit/anchor-key").json();
    assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
    assertThat(key.path("fingerprint").asText()).isEqualTo(anchor.path("publicKeyFingerprint").asText());
    assertThat(ApiClient.as(port, "supervisor").get("/api/audit/verify?anchor=../../etc/passwd").status())
        .isEqualTo(400);
  }

  @Test
  void aLimitOfZeroIsA400NamingTheField() {
    ApiClient.Response response = ApiClient.as(port, "supervisor").get("/api/audit?limit=0");
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("limit");
    assertThat(ApiClient.as(port, "supervisor").get("/api/audit?limit=5001").status()).isEqualTo(400);
  }

  private JsonNode verdict() {
    return ApiClient.as(port, "supervisor").get("/api/audit/verify").json();
  }

  /** Puts deleted rows back with their ids, so the shared chain stays intact for the other tests. */
  private void restore(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      jdbc.update("INSERT INTO gs_audit (id, occurred_at, actor_user_id, actor_name, actor_department, action, "
          + "object_type, object_id, outcome, detail, remote_address, concerns, prev_hash, hash, key_id, seq, "
          + "record_mac, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID"),
          row.get("OCCURRED_AT"), row.get("ACTOR_USER_ID"), row.get("ACTOR_NAME"), row.get("ACTOR_DEPARTMENT"),
          row.get("ACTION"), row.get("OBJECT_TYPE"), row.get("OBJECT_ID"), row.get("OUTCOME"), row.get("DETAIL"),
          row.get("REMOTE_ADDRESS"), row.get("CONCERNS"), row.get("PREV_HASH"), row.get("HASH"), row.get("KEY_ID"),
          row.get("SEQ"), row.get("RECORD_MAC"), row.get("WRITTEN_AT"));
    }
  }

  /** The failed-login record of an unknown name: its own (one name that minute) or shared with others. */
  private JsonNode unknownName(String digest) {
    for (JsonNode record : audit("supervisor")) {
      if ("LOGIN_FAILED".equals(record.path("action").asText())
          && (record.path("objectId").asText().equals("unknown:" + digest)
              || record.path("objectId").asText().equals("unknown:*") && record.path("detail").asText().contains(digest))) {
        return record;
      }
    }
    throw new AssertionError("no LOGIN_FAILED record for unknown:" + digest);
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
