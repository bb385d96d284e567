package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 class 2 for corrections: a department acting through {@code /engine-rest} with its own demo login
 * (HTTP Basic) cannot route, stretch or decide a correction by writing process variables. Each attempt fails
 * and leaves the targeted correction as it was.
 */
@GovShareTest
class CorrectionHostileTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void providerCannotSendItsHeadsApprovalToItselfNorStretchTheCap() {
    Reported reported = report("rsj-applicant", "RK-001", "户籍地址与身份证不一致");
    String verify = task("gaj-reviewer", reported.instance(), "verifyData");
    String due = due("gaj-reviewer", verify);

    ApiClient.Response forged = submit("gaj-reviewer", verify, Map.of("outcome", "NEED_EXTENSION",
        "extensionDays", 15, "extensionReason", "需调取档案", "providerHead", "gaj"));
    assertThat(forged.status()).as(forged.toString()).isGreaterThanOrEqualTo(400);
    // had the head's approval reached the reviewer's own group, it would also try to stretch the total
    JsonNode approvals = ApiClient.as(port, "gaj-reviewer").get("/engine-rest/task?processInstanceId="
        + reported.instance() + "&taskDefinitionKey=approveExtension").json();
    if (approvals.size() == 1) {
      submit("gaj-reviewer", approvals.get(0).path("id").asText(), Map.of("extensionApproved", true,
          "verifyDataExtensionDays", 200));
    }

    String verifyNow = task("gaj-reviewer", reported.instance(), "verifyData");
    assertThat(due("gaj-reviewer", verifyNow)).isEqualTo(due);
    assertThat(extensionDays(reported.id())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction_step WHERE correction_id = ? AND actor_user = ?",
        Integer.class, reported.id(), "gaj-reviewer")).isZero();
  }

  @Test
  void theHeadCannotApproveMoreThanWasAskedByWritingTheTotal() {
    Reported reported = report("rsj-applicant", "RK-001", "出生日期有误");
    String verify = task("gaj-reviewer", reported.instance(), "verifyData");
    String due = due("gaj-reviewer", verify);
    assertThat(submit("gaj-reviewer", verify, Map.of("outcome", "NEED_EXTENSION", "extensionDays", 2,
        "extensionReason", "需调取档案")).status()).isEqualTo(204);
    String approve = task("gaj-head", reported.instance(), "approveExtension");

    ApiClient.Response forged = submit("gaj-head", approve, Map.of("extensionApproved", true,
        "verifyDataExtensionDays", 200));
    assertThat(forged.status()).as(forged.toString()).isGreaterThanOrEqualTo(400);
    assertThat(ApiClient.as(port, "gaj-head").get("/engine-rest/task/" + approve).status()).isEqualTo(200);
    assertThat(extensionDays(reported.id())).isZero();
    assertThat(ApiClient.as(port, "gaj-reviewer").get("/engine-rest/task?processInstanceId=" + reported.instance()
        + "&taskDefinitionKey=verifyData").json()).isEmpty();
    assertThat(due).isNotBlank();
  }

  @Test
  void anotherDepartmentCannotDecideSomeoneElsesCorrection() {
    Reported victim = report("rsj-applicant", "RK-001", "姓名用字错误");
    Reported own = report("mzj-applicant", "FR-001", "注册资本有误");
    String ownVerify = task("scjgj-reviewer", own.instance(), "verifyData");

    ApiClient.Response forged = submit("scjgj-reviewer", ownVerify, Map.of("outcome", "CORRECTED",
        "correctionNote", "已更正", "correctionId", victim.id()));
    assertThat(forged.status()).as(forged.toString()).isGreaterThanOrEqualTo(400);
    String victimVerify = task("gaj-reviewer", victim.instance(), "verifyData");
    ApiClient.Response direct = submit("scjgj-reviewer", victimVerify, Map.of("outcome", "NO_ERROR",
        "correctionNote", "无误"));
    assertThat(direct.status()).as(direct.toString()).isGreaterThanOrEqualTo(400);

    assertThat(status(victim.id())).isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction_step WHERE correction_id = ? AND actor_dept = ?",
        Integer.class, victim.id(), "scjgj")).isZero();
    assertThat(task("gaj-reviewer", victim.instance(), "verifyData")).isEqualTo(victimVerify);
    assertThat(status(own.id())).isEqualTo("OPEN");
    assertNoOrphans(victim, own);
  }

  @Test
  void aCorrectionNeverStaysOpenWithoutItsProcess() {
    Reported reported = report("rsj-applicant", "RK-001", "住址门牌号错误");
    ApiClient.Response deleted = ApiClient.as(port, "admin").delete("/engine-rest/process-instance/"
        + reported.instance());
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(status(reported.id())).isNotEqualTo("OPEN");
    assertNoOrphans(reported);

    Map<String, Object> variables = Map.of("correctionId", Map.of("value", reported.id()),
        "providerDept", Map.of("value", "mzj"));
    ApiClient.Response started = ApiClient.as(port, "mzj-applicant").post(
        "/engine-rest/process-definition/key/data-correction/start", Map.of("variables", variables,
            "businessKey", "DC-" + reported.id()));
    assertThat(started.status()).as(started.toString()).isGreaterThanOrEqualTo(400);
  }

  private void assertNoOrphans(Reported... reported) {
    for (Reported r : reported) {
      int running = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ? AND "
          + "ID_ = PROC_INST_ID_", Integer.class, r.instance());
      if (running == 0) {
        assertThat(status(r.id())).as("correction " + r.id() + " without a process").isNotEqualTo("OPEN");
      }
    }
  }

  record Reported(long id, String instance) {
  }

  private Reported report(String user, String resource, String description) {
    ApiClient.Response created = ApiClient.as(port, user).post("/api/corrections", Map.of("resourceCode", resource,
        "recordLocator", "430521199001011234", "description", description));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Reported(created.json().path("id").asLong(), created.json().path("processInstanceId").asText());
  }

  private String task(String user, String instance, String key) {
    JsonNode tasks = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private String due(String user, String taskId) {
    return ApiClient.as(port, user).get("/engine-rest/task/" + taskId).json().path("due").asText();
  }

  private ApiClient.Response submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return ApiClient.as(port, user).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  private String status(long id) {
    return jdbc.queryForObject("SELECT status FROM gs_correction WHERE id = ?", String.class, id);
  }

  private int extensionDays(long id) {
    return jdbc.queryForObject("SELECT extension_days FROM gs_correction WHERE id = ?", Integer.class, id);
  }
}
