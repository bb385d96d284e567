package cn.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.org.Caller;
import cn.govshare.sharing.NewShareRequest;
import cn.govshare.sharing.Purpose;
import cn.govshare.sharing.RequestStatus;
import cn.govshare.sharing.ShareRequest;
import cn.govshare.sharing.ShareRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@GovShareTest
class DisputeTest {

  static final Caller MZJ = new Caller("mzj-applicant", "吴芳", "mzj", Set.of("mzj"));
  static final Caller RSJ = new Caller("rsj-applicant", "孙丽", "rsj", Set.of("rsj"));

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  ShareRequests requests;

  @Autowired
  Disputes disputes;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  ProcessInstance disputeOf(ShareRequest request) {
    Dispute dispute = disputes.visible(new Caller("supervisor", "监督", null, Set.of("supervisors")),
        Long.parseLong(requests.require(request.id()).disputeRef()));
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(dispute.processInstanceId()).singleResult();
  }

  ShareRequest notShared() {
    return requests.submit(MZJ, new NewShareRequest("RK-003", Purpose.ADMINISTRATIVE_BASIS, "核查低保对象涉案情况",
        "社会救助系统", List.of()));
  }

  @Test
  void agreedInNegotiationGrantsAndFiles() {
    ShareRequest request = notShared();
    assertThat(request.status()).isEqualTo(RequestStatus.DISPUTE);
    ProcessInstance pi = disputeOf(request);
    BpmnAwareTests.assertThat(pi).isWaitingAt("negotiation");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("mzj").hasCandidateGroup("gaj");
    complete(task(pi), withVariables("agreed", true, "negotiationResult", "仅提供是否涉案的核查结果"));
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("officeCoordination");
    ShareRequest after = requests.require(request.id());
    assertThat(after.status()).isEqualTo(RequestStatus.GRANTED);
    assertThat(after.grantId()).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_dispute_filing WHERE request_id = ?", Integer.class,
        request.id())).isEqualTo(1);
  }

  @Test
  void officeDecidesShare() {
    ProcessInstance pi = disputeOf(notShared());
    complete(task(pi), withVariables("agreed", false, "negotiationResult", "分歧在于用途"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("officeCoordination");
    complete(task(pi), withVariables("decision", "SHARE", "decisionReason", "履行法定职责确需使用"));
    BpmnAwareTests.assertThat(pi).isEnded().hasNotPassed("leadingGroupDecision");
  }

  @Test
  void officeDecidesNotShareAndTheRequestIsRefused() {
    ShareRequest request = notShared();
    ProcessInstance pi = disputeOf(request);
    complete(task(pi), withVariables("agreed", false, "negotiationResult", "未达成一致"));
    complete(task(pi), withVariables("decision", "NOT_SHARE", "decisionReason", "涉及侦查秘密"));
    ShareRequest after = requests.require(request.id());
    assertThat(after.status()).isEqualTo(RequestStatus.REFUSED);
    assertThat(after.outcomeReason()).contains("涉及侦查秘密");
  }

  @Test
  void escalatedAndDecidedShareOrNotShareByTheLeadingGroup() {
    for (String decision : List.of("SHARE", "NOT_SHARE")) {
      ShareRequest request = notShared();
      ProcessInstance pi = disputeOf(request);
      complete(task(pi), withVariables("agreed", false, "negotiationResult", "未达成一致"));
      complete(task(pi), withVariables("decision", "ESCALATE", "decisionReason", "涉及重大利益，提请决定"));
      BpmnAwareTests.assertThat(pi).isWaitingAt("leadingGroupDecision");
      BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("leading-group");
      complete(task(pi), withVariables("decision", decision, "decisionReason", "领导小组会议决定"));
      BpmnAwareTests.assertThat(pi).isEnded();
      assertThat(requests.require(request.id()).status())
          .isEqualTo(decision.equals("SHARE") ? RequestStatus.GRANTED : RequestStatus.REFUSED);
    }
  }

  @Test
  void dataConflictBetweenTwoProvidersIsNegotiatedAndResolved() {
    Caller gaj = new Caller("gaj-reviewer", "李强", "gaj", Set.of("gaj"));
    Dispute dispute = disputes.reportDataConflict(gaj, "RK-001", "FR-001", "法定代表人身份证号与人口库不一致");
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(dispute.processInstanceId()).singleResult();
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("gaj").hasCandidateGroup("scjgj");
    complete(task(pi), withVariables("agreed", false, "negotiationResult", "各自认为本部门数据准确"));
    complete(task(pi), withVariables("decision", "SHARE", "decisionReason", "以公安人口库为准，市场监管局更正"));
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(disputes.visible(gaj, dispute.id()).status()).isEqualTo(DisputeStatus.RESOLVED);
  }

  @Test
  void badDecisionsAreRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = disputeOf(notShared());
    complete(task(pi), withVariables("agreed", false, "negotiationResult", "未达成一致"));
    String office = task(pi).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(office, Map.of("decision", "SHARE")))
        .hasMessageContaining("decisionReason");
    assertThatThrownBy(() -> engine.getTaskService().complete(office,
        Map.of("decision", "MAYBE", "decisionReason", "x"))).hasMessageContaining("decision");
    BpmnAwareTests.assertThat(pi).isWaitingAt("officeCoordination");
  }

  @Test
  void outsiderCannotCompleteNegotiation() {
    ProcessInstance pi = disputeOf(notShared());
    String negotiation = task(pi).getId();
    Map<String, Object> body = Map.of("variables", Map.of("agreed", Map.of("value", true),
        "negotiationResult", Map.of("value", "同意")));
    assertThat(ApiClient.as(port, "scjgj-reviewer").post("/engine-rest/task/" + negotiation + "/complete", body)
        .status()).isIn(403, 404);
    BpmnAwareTests.assertThat(pi).isWaitingAt("negotiation");
  }

  @Test
  void notSharedRequestEscalatedToTheLeaderEndsGrantedAndFiledOverHttp() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-003", "purpose", "ADMINISTRATIVE_BASIS",
        "reason", "核查救助对象", "systemName", "社会救助系统"));
    ApiClient.Response created = ApiClient.as(port, "mzj-applicant").post("/api/share-requests", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DISPUTE");
    long id = created.json().path("id").asLong();
    String disputeId = ApiClient.as(port, "mzj-applicant").get("/api/share-requests/" + id).json()
        .path("disputeRef").asText();
    JsonNode dispute = ApiClient.as(port, "office").get("/api/disputes/" + disputeId).json();
    String instance = dispute.path("dispute").path("processInstanceId").asText();

    submitAs(ApiClient.as(port, "mzj-applicant"), instance, "negotiation",
        Map.of("agreed", false, "negotiationResult", "公安局认为不宜提供"));
    submitAs(ApiClient.as(port, "office"), instance, "officeCoordination",
        Map.of("decision", "ESCALATE", "decisionReason", "提请领导小组决定"));
    submitAs(ApiClient.as(port, "leader"), instance, "leadingGroupDecision",
        Map.of("decision", "SHARE", "decisionReason", "仅限核查结果，严格限定用途"));

    JsonNode request = ApiClient.as(port, "mzj-applicant").get("/api/share-requests/" + id).json();
    assertThat(request.path("status").asText()).isEqualTo("GRANTED");
    assertThat(request.path("grantId").asLong()).isPositive();
    JsonNode decided = ApiClient.as(port, "supervisor").get("/api/disputes/" + disputeId).json();
    assertThat(decided.path("filings")).hasSize(1);
    assertThat(decided.path("filings").get(0).path("decider").asText()).isEqualTo("leader");
    assertThat(ApiClient.as(port, "scjgj-reviewer").get("/api/disputes/" + disputeId).status()).isEqualTo(404);
  }

  @Test
  void refusedRequestContestedStartsALinkedDispute() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", new HashMap<>(Map.of(
        "resourceCode", "RK-002", "purpose", "WORK_REFERENCE", "reason", "核对户籍", "systemName", "社保系统")));
    long id = created.json().path("id").asLong();
    String instance = created.json().path("processInstanceId").asText();
    submitAs(ApiClient.as(port, "operator"), instance, "normativeCheck", Map.of("checkPassed", true));
    submitAs(ApiClient.as(port, "gaj-reviewer"), instance, "providerAuthorization",
        Map.of("approved", false, "denialReason", "用途不明确"));
    submitAs(ApiClient.as(port, "rsj-applicant"), instance, "applicantReview",
        Map.of("contest", true, "contestReason", "社保关系转移是法定职责"));
    JsonNode request = ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + id).json();
    assertThat(request.path("status").asText()).isEqualTo("DISPUTE");
    String disputeId = request.path("disputeRef").asText();
    JsonNode dispute = ApiClient.as(port, "rsj-applicant").get("/api/disputes/" + disputeId).json();
    assertThat(dispute.path("dispute").path("requestId").asLong()).isEqualTo(id);
    assertThat(dispute.path("dispute").path("kind").asText()).isEqualTo("REFUSAL_CONTESTED");
  }

  private static void submitAs(ApiClient client, String instance, String key, Map<String, Object> values) {
    JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(key).hasSize(1);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    ApiClient.Response response = client.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form",
        Map.of("variables", variables));
    assertThat(response.status()).as(response.toString()).isEqualTo(204);
  }
}
