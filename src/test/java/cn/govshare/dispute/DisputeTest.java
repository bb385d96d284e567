package cn.govshare.dispute;

import static cn.govshare.dispute.DisputeChainScenarioTest.assertRefused;
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

/** dispute-escalation under the baseline profile, through the doors users have. */
@GovShareTest
class DisputeTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  DisputeCases cases;

  @Test
  void bothPartiesAgreeingToShareGrantsAndFilesWithoutAnyBody() {
    Opened opened = notShared();
    assertThat(tasks("admin", opened.instance(), "negotiation")).hasSize(2);
    submit("mzj-applicant", opened.instance(), "negotiation", agreeShare());
    submit("gaj-reviewer", opened.instance(), "negotiation", agreeShare());
    JsonNode request = ApiClient.as(port, "mzj-applicant").get("/api/share-requests/" + opened.requestId()).json();
    assertThat(request.path("status").asText()).isEqualTo("GRANTED");
    JsonNode dispute = dispute(opened);
    assertThat(dispute.path("dispute").path("status").asText()).isEqualTo("SHARE");
    assertThat(dispute.path("dispute").path("grantId").asLong()).isPositive();
    assertThat(dispute.path("filings")).hasSize(1);
    assertThat(dispute.path("steps").findValuesAsText("actorDept")).contains("mzj", "gaj");
  }

  @Test
  void everyStatusChangeIsOneAuditRecordAndTheCaseIsFoundByItsProcess() {
    Opened opened = notShared();
    submit("gaj-reviewer", opened.instance(), "negotiation", Map.of("agreed", false, "negotiationResult", "不宜提供"));
    submit("office", opened.instance(), "officeCoordination", Map.of("decision", "NOT_SHARE", "decisionReason", "涉密"));
    assertThat(jdbc.queryForList("SELECT action FROM gs_audit WHERE object_type = 'DISPUTE' AND object_id = ?"
        + " AND action LIKE 'DISPUTE_%' ORDER BY id", String.class, opened.disputeId()))
        .containsExactly("DISPUTE_OPENED", "DISPUTE_COORDINATING", "DISPUTE_NOT_SHARE");
    assertThat(jdbc.queryForObject("SELECT actor_user_id FROM gs_audit WHERE object_id = ? AND action = ?",
        String.class, opened.disputeId(), "DISPUTE_NOT_SHARE")).isEqualTo("office");
    assertThat(cases.byProcessInstance(opened.instance())).hasValueSatisfying(ref -> {
      assertThat(ref.type()).isEqualTo("dispute");
      assertThat(ref.id()).isEqualTo(Long.parseLong(opened.disputeId()));
      assertThat(ref.departments()).containsExactlyInAnyOrder("mzj", "gaj");
    });
  }

  @Test
  void aProcessDeletedUndecidedLeavesNoOpenOrphan() {
    Opened opened = notShared();
    ApiClient.Response deleted = ApiClient.as(port, "admin").delete("/engine-rest/process-instance/"
        + opened.instance());
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(dispute(opened).path("dispute").path("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void eachPartyCompletesOnlyItsOwnNegotiationTask() {
    Opened opened = notShared();
    String providersTask = tasks("gaj-reviewer", opened.instance(), "negotiation").get(0).path("id").asText();
    assertThat(tasks("mzj-applicant", opened.instance(), "negotiation")).hasSize(1);
    ApiClient.Response foreign = ApiClient.as(port, "mzj-applicant").post("/engine-rest/task/" + providersTask
        + "/submit-form", form(agreeShare()));
    assertThat(foreign.status()).as(foreign.toString()).isBetween(400, 500);
    assertThat(dispute(opened).path("dispute").path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void outsiderCannotCompleteNegotiation() {
    Opened opened = notShared();
    String task = tasks("admin", opened.instance(), "negotiation").get(0).path("id").asText();
    assertThat(ApiClient.as(port, "scjgj-reviewer").post("/engine-rest/task/" + task + "/complete",
        form(agreeShare())).status()).isIn(403, 404, 500);
    assertThat(tasks("admin", opened.instance(), "negotiation")).hasSize(2);
  }

  @Test
  void badDecisionsAreRefusedAndTheTaskStaysOpen() {
    Opened opened = notShared();
    submit("gaj-reviewer", opened.instance(), "negotiation", Map.of("agreed", false, "negotiationResult", "不宜提供"));
    assertRefused(trySubmit("office", opened.instance(), "officeCoordination", Map.of("decision", "SHARE")),
        "decisionReason");
    assertRefused(trySubmit("office", opened.instance(), "officeCoordination",
        Map.of("decision", "MAYBE", "decisionReason", "x")), "decision");
    assertRefused(trySubmit("office", opened.instance(), "officeCoordination",
        Map.of("decision", "SHARE", "decisionReason", "理".repeat(2001))), "decisionReason");
    assertThat(tasks("office", opened.instance(), "officeCoordination")).hasSize(1);
  }

  @Test
  void negotiationAgreedWithoutAnOutcomeIsRefused() {
    Opened opened = notShared();
    assertRefused(trySubmit("gaj-reviewer", opened.instance(), "negotiation",
        Map.of("agreed", true, "negotiationResult", "一致")), "agreedOutcome");
  }

  @Test
  void dataConflictBetweenTwoProvidersIsCoordinatedAndResolved() {
    ApiClient.Response reported = ApiClient.as(port, "gaj-reviewer").post("/api/disputes/data-conflicts",
        Map.of("resourceCode", "RK-001", "otherResourceCode", "FR-001", "description", "法定代表人身份证号与人口库不一致"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String instance = reported.json().path("processInstanceId").asText();
    submit("scjgj-reviewer", instance, "negotiation", Map.of("agreed", false, "negotiationResult", "各自认为本部门数据准确"));
    submit("office", instance, "officeCoordination", Map.of("decisionReason", "以公安人口库为准，市场监管局更正"));
    JsonNode dispute = ApiClient.as(port, "gaj-reviewer").get("/api/disputes/" + reported.json().path("id").asText())
        .json();
    assertThat(dispute.path("dispute").path("status").asText()).isEqualTo("RESOLVED");
    assertThat(dispute.path("steps").findValuesAsText("citation")).contains(
        "《邵阳市政务信息资源共享管理办法（试行）》（邵市政办发〔2022〕7号）第十四条");
  }

  @Test
  void refusedRequestContestedStartsALinkedDispute() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", new HashMap<>(Map.of(
        "resourceCode", "RK-002", "purpose", "WORK_REFERENCE", "reason", "核对户籍", "systemName", "社保系统")));
    long id = created.json().path("id").asLong();
    String instance = created.json().path("processInstanceId").asText();
    submit("operator", instance, "normativeCheck", Map.of("checkPassed", true));
    submit("gaj-reviewer", instance, "providerAuthorization", Map.of("approved", false, "denialReason", "用途不明确"));
    submit("rsj-applicant", instance, "applicantReview", Map.of("contest", true, "contestReason", "社保关系转移是法定职责"));
    JsonNode request = ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + id).json();
    assertThat(request.path("status").asText()).isEqualTo("DISPUTE");
    String disputeId = request.path("disputeRef").asText();
    JsonNode dispute = ApiClient.as(port, "rsj-applicant").get("/api/disputes/" + disputeId).json();
    assertThat(dispute.path("dispute").path("requestId").asLong()).isEqualTo(id);
    assertThat(dispute.path("dispute").path("kind").asText()).isEqualTo("REFUSAL_CONTESTED");
    assertThat(ApiClient.as(port, "scjgj-reviewer").get("/api/disputes/" + disputeId).status()).isEqualTo(404);
  }

  record Opened(long requestId, String disputeId, String instance) {
  }

  private Opened notShared() {
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");
    ApiClient.Response created = mzj.post("/api/share-requests", new HashMap<>(Map.of("resourceCode", "RK-003",
        "purpose", "ADMINISTRATIVE_BASIS", "reason", "核查救助对象", "systemName", "社会救助系统")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DISPUTE");
    long id = created.json().path("id").asLong();
    String disputeId = mzj.get("/api/share-requests/" + id).json().path("disputeRef").asText();
    String instance = ApiClient.as(port, "office").get("/api/disputes/" + disputeId).json().path("dispute")
        .path("processInstanceId").asText();
    return new Opened(id, disputeId, instance);
  }

  private JsonNode dispute(Opened opened) {
    return ApiClient.as(port, "supervisor").get("/api/disputes/" + opened.disputeId()).json();
  }

  private JsonNode tasks(String user, String instance, String key) {
    return ApiClient.as(port, user).get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key)
        .json();
  }

  private static Map<String, Object> agreeShare() {
    return Map.of("agreed", true, "agreedOutcome", "SHARE", "negotiationResult", "仅提供是否涉案的核查结果");
  }

  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  private ApiClient.Response trySubmit(String user, String instance, String key, Map<String, Object> values) {
    JsonNode tasks = tasks(user, instance, key);
    assertThat(tasks).as(user + " " + key).hasSize(1);
    return ApiClient.as(port, user).post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form",
        form(values));
  }

  private void submit(String user, String instance, String key, Map<String, Object> values) {
    ApiClient.Response response = trySubmit(user, instance, key, values);
    assertThat(response.status()).as(user + " " + key + ": " + response).isEqualTo(204);
  }
}
