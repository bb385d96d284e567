package cn.govshare.dispute;

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
 * Issue 18 classes 2 and 3, through /engine-rest with HTTP Basic as the demo users: a department that holds a
 * negotiation task of its own cannot decide another department's dispute, and one party alone cannot "agree".
 */
@GovShareTest
class DisputeHostileTest {

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void thirdDepartmentWritingDisputeIdCannotDecideAnotherDepartmentsDisputeNorObtainAGrant() {
    Opened victim = applyForClassifiedData("mzj-applicant");
    Opened attacker = applyForClassifiedData("scjgj-reviewer");
    int grantsBefore = grantsOfRk003();
    int victimStepsBefore = steps(victim.disputeId());
    ApiClient scjgj = ApiClient.as(port, "scjgj-reviewer");
    String ownTask = taskId(scjgj, attacker.instance(), "negotiation");

    Map<String, Object> forged = variables(Map.of("disputeId", Long.parseLong(victim.disputeId()),
        "providerDept", "scjgj", "applicantDept", "mzj", "partyA", "scjgj", "partyB", "scjgj",
        "resourceCode", "RK-003", "agreed", true, "agreedOutcome", "SHARE", "negotiationResult", "同意共享"));
    ApiClient.Response completed = scjgj.post("/engine-rest/task/" + ownTask + "/complete", forged);

    DisputeChainScenarioTest.assertRefused(completed, "disputeId", "providerDept", "applicantDept", "partyA", "partyB",
        "resourceCode");
    assertThat(grantsOfRk003()).isEqualTo(grantsBefore);
    assertThat(status(victim.disputeId())).isEqualTo("OPEN");
    assertThat(steps(victim.disputeId())).isEqualTo(victimStepsBefore);
    assertThat(running(victim.instance())).isTrue();
    assertNoOrphanDisputes();
  }

  @Test
  void forgedVariablesWrittenBeforeCompletionDoNotRedirectTheDecision() {
    Opened victim = applyForClassifiedData("mzj-applicant");
    Opened attacker = applyForClassifiedData("scjgj-reviewer");
    int grantsBefore = grantsOfRk003();
    ApiClient scjgj = ApiClient.as(port, "scjgj-reviewer");
    String ownTask = taskId(scjgj, attacker.instance(), "negotiation");
    scjgj.put("/engine-rest/task/" + ownTask + "/variables/disputeId",
        Map.of("value", Long.parseLong(victim.disputeId()), "type", "Long"));
    scjgj.put("/engine-rest/task/" + ownTask + "/localVariables/disputeId",
        Map.of("value", Long.parseLong(victim.disputeId()), "type", "Long"));

    scjgj.post("/engine-rest/task/" + ownTask + "/complete",
        variables(Map.of("agreed", true, "agreedOutcome", "SHARE", "negotiationResult", "同意共享")));

    assertThat(grantsOfRk003()).isEqualTo(grantsBefore);
    assertThat(status(victim.disputeId())).isEqualTo("OPEN");
    assertThat(running(victim.instance())).isTrue();
    assertNoOrphanDisputes();
  }

  @Test
  void applicantAloneAgreeingInNegotiationObtainsNothing() {
    Opened dispute = applyForClassifiedData("mzj-applicant");
    int grantsBefore = grantsOfRk003();
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");
    String task = taskId(mzj, dispute.instance(), "negotiation");

    mzj.post("/engine-rest/task/" + task + "/complete",
        variables(Map.of("agreed", true, "agreedOutcome", "SHARE", "negotiationResult", "双方同意共享")));

    assertThat(grantsOfRk003()).isEqualTo(grantsBefore);
    assertThat(status(dispute.disputeId())).isEqualTo("OPEN");
    assertThat(running(dispute.instance())).isTrue();
    JsonNode request = mzj.get("/api/share-requests/" + dispute.requestId()).json();
    assertThat(request.path("status").asText()).isEqualTo("DISPUTE");
    assertThat(request.path("grantId").isNull() || request.path("grantId").isMissingNode()).isTrue();
  }

  record Opened(long requestId, String disputeId, String instance) {
  }

  private Opened applyForClassifiedData(String user) {
    ApiClient client = ApiClient.as(port, user);
    ApiClient.Response created = client.post("/api/share-requests", new HashMap<>(Map.of("resourceCode", "RK-003",
        "purpose", "ADMINISTRATIVE_BASIS", "reason", "核查", "systemName", "业务系统")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long requestId = created.json().path("id").asLong();
    String disputeId = client.get("/api/share-requests/" + requestId).json().path("disputeRef").asText();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM gs_dispute WHERE id = ?", String.class,
        Long.parseLong(disputeId));
    return new Opened(requestId, disputeId, instance);
  }

  private static String taskId(ApiClient client, String instance, String key) {
    JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key)
        .json();
    assertThat(tasks).as(key).isNotEmpty();
    return tasks.get(0).path("id").asText();
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  private int grantsOfRk003() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_grant WHERE resource_code = 'RK-003'", Integer.class);
  }

  private String status(String disputeId) {
    return jdbc.queryForObject("SELECT status FROM gs_dispute WHERE id = ?", String.class, Long.parseLong(disputeId));
  }

  private int steps(String disputeId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_dispute_step WHERE dispute_id = ?", Integer.class,
        Long.parseLong(disputeId));
  }

  private boolean running(String instance) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?", Integer.class,
        instance) > 0;
  }

  private void assertNoOrphanDisputes() {
    assertThat(jdbc.queryForList("SELECT d.id FROM gs_dispute d WHERE d.status = 'OPEN' AND NOT EXISTS"
        + " (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = d.process_instance_id)", Long.class))
        .as("disputes OPEN without a running process").isEmpty();
  }
}
