package cn.govshare.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.policy.ActivePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 19 item 6: each profile's dispute chain walked on the real process through /engine-rest as the demo
 * users — which bodies act, in which order, and the article on each step (policy/*.yml dispute:).
 */
@GovShareTest
class DisputeChainScenarioTest {

  @LocalServerPort
  int port;

  @Autowired
  ActivePolicy policy;

  @AfterEach
  void restore() {
    policy.activate("baseline");
  }

  @Test
  void baselineNegotiationThenOfficeThenLeadingGroupWhoseShareIsGrantedAndFiled() {
    Walk walk = escalateToLeadingGroup("baseline");
    walk.submit("leader", "leadingGroupDecision", Map.of("decision", "SHARE", "decisionReason", "限定用途"));
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门", "政府办公厅", "领导小组");
    assertThat(walk.citations()).allMatch(c -> c.contains("济南") && c.contains("第十三条"));
    assertThat(walk.filings().get(0).path("filedWith").asText()).isEqualTo("政府办公厅");
    assertThat(walk.filings().get(0).path("citation").asText()).contains("邵阳").contains("第二十一条第三项");
  }

  @Test
  void jinanOfficeThenTheLeadingGroupDecidesUnderArticle13AndItsReasonStartsEmpty() {
    Walk walk = escalateToLeadingGroup("jinan");
    assertThat(walk.formVariable("leader", "leadingGroupDecision", "decisionReason").isNull()).isTrue();
    assertThat(walk.formVariable("leader", "leadingGroupDecision", "decision").isNull()).isTrue();
    walk.submit("leader", "leadingGroupDecision", Map.of("decision", "NOT_SHARE", "decisionReason", "涉密"));
    assertThat(walk.requestStatus()).isEqualTo("REFUSED");
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门", "市政府办公厅", "市电子政务建设和大数据发展工作领导小组");
    assertThat(walk.citations()).allMatch(c -> c.contains("济南") && c.endsWith("第十三条"));
    assertThat(walk.disputeStatus()).isEqualTo("NOT_SHARE");
  }

  @Test
  void countyGoesFromNegotiationStraightToTheLeadingGroupWithoutAnOfficeStep() {
    Walk walk = start("county");
    walk.submit("mzj-applicant", "negotiation", noAgreement());
    assertThat(walk.open("officeCoordination")).isEmpty();
    assertThat(walk.open("leadingGroupDecision")).hasSize(1);
    assertThat(walk.formVariable("leader", "leadingGroupDecision", "stepBody").asText())
        .isEqualTo("县电子政务协调发展领导小组");
    walk.submit("leader", "leadingGroupDecision", Map.of("decision", "SHARE", "decisionReason", "协调解决"));
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门", "县电子政务协调发展领导小组");
    assertThat(walk.citations()).allMatch(c -> c.endsWith("第十三条"));
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
  }

  @Test
  void hubeiThePlatformUnitNegotiatesThenTheGovernmentDepartmentsCoordinateWithNoFurtherStep() {
    Walk walk = start("hubei");
    assertThat(walk.open("negotiation")).hasSize(3);
    walk.submit("mzj-applicant", "negotiation", agree("SHARE"));
    walk.submit("operator", "negotiation", agree("SHARE"));
    walk.submit("gaj-reviewer", "negotiation", noAgreement());
    assertRefused(walk.trySubmit("office", "officeCoordination", Map.of("decision", "ESCALATE", "decisionReason", "提请")),
        "decision");
    walk.submit("office", "officeCoordination", Map.of("decision", "SHARE", "decisionReason", "协调同意"));
    assertThat(walk.bodies()).containsExactly("提供部门、共享平台建设运维管理部门、使用部门",
        "提供部门、共享平台建设运维管理部门、使用部门", "提供部门、共享平台建设运维管理部门、使用部门", "同级政府相关职能部门");
    assertThat(walk.citations()).allMatch(c -> c.contains("湖北") && c.endsWith("第二十五条"));
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
  }

  @Test
  void hubeiDataConflictIsVerifiedByThePlatformUnitTogetherWithTheProviders() {
    policy.activate("hubei");
    ApiClient.Response reported = ApiClient.as(port, "gaj-reviewer").post("/api/disputes/data-conflicts",
        Map.of("resourceCode", "RK-001", "otherResourceCode", "FR-001", "description", "法定代表人身份证号不一致"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    Walk walk = new Walk(reported.json().path("id").asText(), reported.json().path("processInstanceId").asText(), 0);
    assertThat(walk.open("negotiation")).hasSize(3);
    for (String user : List.of("gaj-reviewer", "scjgj-reviewer", "operator")) {
      walk.submit(user, "negotiation", Map.of("agreed", true, "negotiationResult", "共同核实：以人口库为准"));
    }
    assertThat(walk.disputeStatus()).isEqualTo("RESOLVED");
    assertThat(walk.bodies()).containsOnly("共享平台建设运维管理部门会同提供部门");
    assertThat(walk.citations()).allMatch(c -> c.endsWith("第十七条第三款"));
    assertThat(walk.actors()).doesNotContain("office");
  }

  @Test
  void shaoyangAgreedProvisionOfNotSharedDataIsFiledWithTheApprovalBureau() {
    Walk walk = start("shaoyang");
    walk.submit("mzj-applicant", "negotiation", agree("SHARE"));
    walk.submit("gaj-reviewer", "negotiation", agree("SHARE"));
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
    assertThat(walk.actors()).containsExactly("mzj-applicant", "gaj-reviewer");
    assertThat(walk.filings()).hasSize(1);
    assertThat(walk.filings().get(0).path("filedWith").asText()).isEqualTo("市行政审批服务局");
    assertThat(walk.filings().get(0).path("citation").asText()).endsWith("第二十一条第三项");
  }

  @Test
  void shaoyangTheApprovalBureauCoordinatesAndNoLeadingGroupStepFollows() {
    Walk walk = start("shaoyang");
    walk.submit("gaj-reviewer", "negotiation", noAgreement());
    assertThat(walk.open("negotiation")).isEmpty();
    assertThat(walk.formVariable("office", "officeCoordination", "stepBody").asText()).isEqualTo("市行政审批服务局");
    assertRefused(walk.trySubmit("office", "officeCoordination", Map.of("decision", "ESCALATE", "decisionReason", "提请")),
        "decision");
    walk.submit("office", "officeCoordination", Map.of("decision", "NOT_SHARE", "decisionReason", "涉密"));
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门", "市行政审批服务局");
    assertThat(walk.citations()).containsExactly(
        "《邵阳市政务信息资源共享管理办法（试行）》（邵市政办发〔2022〕7号）第二十一条第三项",
        "《邵阳市政务信息资源共享管理办法（试行）》（邵市政办发〔2022〕7号）第二十一条第二款");
    assertThat(walk.requestStatus()).isEqualTo("REFUSED");
  }

  @Test
  void shaoyangAContestedRefusalGoesStraightToTheApprovalBureauWithoutNegotiation() {
    policy.activate("shaoyang");
    // SB-001 (人社局): a grant no other test's check looks at (the context is shared)
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");
    ApiClient.Response created = mzj.post("/api/share-requests", new HashMap<>(Map.of("resourceCode", "SB-001",
        "purpose", "BUSINESS_COLLABORATION", "reason", "核对救助对象参保情况", "systemName", "社会救助系统")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long request = created.json().path("id").asLong();
    String shareInstance = created.json().path("processInstanceId").asText();
    Walk share = new Walk(null, shareInstance, request);
    share.submit("rsj-applicant", "providerAuthorization", Map.of("approved", false, "denialReason", "用途不明确"));
    share.submit("mzj-applicant", "applicantReview", Map.of("contest", true, "contestReason", "法定职责"));
    String disputeId = mzj.get("/api/share-requests/" + request).json().path("disputeRef").asText();
    JsonNode dispute = ApiClient.as(port, "supervisor").get("/api/disputes/" + disputeId).json().path("dispute");
    Walk walk = new Walk(disputeId, dispute.path("processInstanceId").asText(), request);
    assertThat(walk.open("negotiation")).isEmpty();
    assertThat(walk.disputeStatus()).isEqualTo("COORDINATING");
    walk.submit("office", "officeCoordination", Map.of("decision", "SHARE", "decisionReason", "协调同意"));
    assertThat(walk.bodies()).containsExactly("市行政审批服务局");
    assertThat(walk.citations()).allMatch(c -> c.endsWith("第二十一条第二款"));
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
  }

  @Test
  void nanchangFollowsTheBaselineChainLabelledUnspecifiedWithItsOwnLeadingGroup() {
    Walk walk = escalateToLeadingGroup("nanchang");
    walk.submit("leader", "leadingGroupDecision", Map.of("decision", "SHARE", "decisionReason", "同意"));
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门",
        "南昌市大数据与数字经济发展领导小组办公室（南昌市大数据发展管理局）", "南昌市大数据与数字经济发展领导小组");
    assertThat(walk.citations()).allMatch(c -> c.startsWith("未规定, 采用基线"));
    assertThat(walk.citations().get(2)).contains("南昌").contains("第六条");
  }

  @Test
  void nationalNegotiationThenTheAuthorityThenTheGovernmentUnderArticle28() {
    Walk walk = escalateToLeadingGroup("national");
    walk.submit("leader", "leadingGroupDecision", Map.of("decision", "SHARE", "decisionReason", "决定共享"));
    assertThat(walk.bodies()).containsExactly("使用部门与提供部门", "政务数据共享主管部门", "本级人民政府");
    assertThat(walk.citations()).allMatch(c -> c.endsWith("第二十八条"));
  }

  @Test
  void aNegotiatedAgreementNotToShareClosesTheDisputeAsSuch() {
    Walk walk = start("jinan");
    walk.submit("gaj-reviewer", "negotiation", agree("NOT_SHARE"));
    walk.submit("mzj-applicant", "negotiation", agree("NOT_SHARE"));
    assertThat(walk.disputeStatus()).isEqualTo("NOT_SHARE");
    assertThat(walk.requestStatus()).isEqualTo("REFUSED");
    assertThat(walk.open("officeCoordination")).isEmpty();
  }

  @Test
  void theApplicantsShareAndTheProvidersRefusalAreNoAgreement() {
    Walk walk = start("jinan");
    walk.submit("mzj-applicant", "negotiation", agree("SHARE"));
    walk.submit("gaj-reviewer", "negotiation", agree("NOT_SHARE"));
    assertThat(walk.disputeStatus()).isEqualTo("COORDINATING");
    assertThat(walk.open("officeCoordination")).hasSize(1);
  }

  @Test
  void theSecondPartyOpensAnEmptyNegotiationFormAfterTheFirstAnswered() {
    Walk walk = start("jinan");
    walk.submit("mzj-applicant", "negotiation", agree("SHARE"));
    for (String field : List.of("agreed", "agreedOutcome", "negotiationResult")) {
      assertThat(walk.formVariable("gaj-reviewer", "negotiation", field).isNull()).as(field).isTrue();
    }
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/variable-instance?processInstanceIdIn=" + walk.instance
        + "&variableName=negotiationResult").json().findValues("value")).as("only the open task's empty field: "
            + "the first answer is in its party's position row").singleElement().matches(JsonNode::isNull);
    walk.submit("gaj-reviewer", "negotiation", agree("SHARE"));
    assertThat(walk.disputeStatus()).isEqualTo("SHARE");
    assertThat(walk.requestStatus()).isEqualTo("GRANTED");
  }

  private Walk escalateToLeadingGroup(String profile) {
    Walk walk = start(profile);
    walk.submit("mzj-applicant", "negotiation", noAgreement());
    assertThat(walk.open("negotiation")).as("either side's no ends negotiation").isEmpty();
    walk.submit("office", "officeCoordination", Map.of("decision", "ESCALATE", "decisionReason", "提请决定"));
    assertThat(walk.open("leadingGroupDecision")).hasSize(1);
    return walk;
  }

  private Walk start(String profile) {
    policy.activate(profile);
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");
    ApiClient.Response created = mzj.post("/api/share-requests", new HashMap<>(Map.of("resourceCode", "RK-003",
        "purpose", "ADMINISTRATIVE_BASIS", "reason", "核查救助对象", "systemName", "社会救助系统")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long request = created.json().path("id").asLong();
    String disputeId = mzj.get("/api/share-requests/" + request).json().path("disputeRef").asText();
    JsonNode dispute = ApiClient.as(port, "supervisor").get("/api/disputes/" + disputeId).json().path("dispute");
    assertThat(dispute.path("policyProfile").asText()).isEqualTo(profile);
    return new Walk(disputeId, dispute.path("processInstanceId").asText(), request);
  }

  /**
   * A FormRejection: Camunda's REST wraps a task listener's exception (500 on this branch); the input helper's
   * mapping answers 400 naming the field (common brief). Either way refused, naming the field.
   */
  /** Refused with 400 naming one of {@code fields} (the engine guard names the first foreign field it meets). */
  static void assertRefused(ApiClient.Response response, String... fields) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(java.util.Arrays.stream(fields)).as(response.text()).anySatisfy(field -> assertThat(response.text())
        .containsAnyOf("\"field\":\"" + field + "\"", "（" + field + "）"));
  }

  private static Map<String, Object> agree(String outcome) {
    return Map.of("agreed", true, "agreedOutcome", outcome, "negotiationResult", "一致意见：" + outcome);
  }

  private static Map<String, Object> noAgreement() {
    return Map.of("agreed", false, "negotiationResult", "未能达成一致");
  }

  /** One dispute walked through the doors a user has. */
  private final class Walk {

    final String disputeId;
    final String instance;
    final long requestId;

    Walk(String disputeId, String instance, long requestId) {
      this.disputeId = disputeId;
      this.instance = instance;
      this.requestId = requestId;
    }

    List<JsonNode> open(String key) {
      List<JsonNode> tasks = new ArrayList<>();
      ApiClient.as(port, "admin").get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key)
          .json().forEach(tasks::add);
      return tasks;
    }

    String taskOf(String user, String key) {
      JsonNode tasks = ApiClient.as(port, user).get("/engine-rest/task?processInstanceId=" + instance
          + "&taskDefinitionKey=" + key).json();
      assertThat(tasks).as(user + " " + key).hasSize(1);
      return tasks.get(0).path("id").asText();
    }

    ApiClient.Response trySubmit(String user, String key, Map<String, Object> values) {
      Map<String, Object> variables = new HashMap<>();
      values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
      return ApiClient.as(port, user).post("/engine-rest/task/" + taskOf(user, key) + "/submit-form",
          Map.of("variables", variables));
    }

    void submit(String user, String key, Map<String, Object> values) {
      ApiClient.Response response = trySubmit(user, key, values);
      assertThat(response.status()).as(user + " " + key + ": " + response).isEqualTo(204);
    }

    JsonNode formVariable(String user, String key, String name) {
      return ApiClient.as(port, user).get("/engine-rest/task/" + taskOf(user, key) + "/form-variables").json()
          .path(name).path("value");
    }

    JsonNode detail() {
      return ApiClient.as(port, "supervisor").get("/api/disputes/" + disputeId).json();
    }

    List<JsonNode> acts() {
      List<JsonNode> acts = new ArrayList<>();
      detail().path("steps").forEach(s -> {
        if (!s.path("step").asText().equals("started")) {
          acts.add(s);
        }
      });
      return acts;
    }

    List<String> bodies() {
      return acts().stream().map(s -> s.path("body").asText()).toList();
    }

    List<String> citations() {
      return acts().stream().map(s -> s.path("citation").asText()).toList();
    }

    List<String> actors() {
      return acts().stream().map(s -> s.path("actorUser").asText()).toList();
    }

    List<JsonNode> filings() {
      List<JsonNode> filings = new ArrayList<>();
      detail().path("filings").forEach(filings::add);
      return filings;
    }

    String disputeStatus() {
      return detail().path("dispute").path("status").asText();
    }

    String requestStatus() {
      return ApiClient.as(port, "supervisor").get("/api/share-requests/" + requestId).json().path("status").asText();
    }
  }
}
