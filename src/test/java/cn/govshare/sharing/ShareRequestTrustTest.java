package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.policy.ActivePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18 class 2, hostile: a department that holds one task of conditional-share-request writes the
 * request's identity, parties or periods as process variables through /engine-rest. The process must take
 * them from GovShare's record: the attempt is refused (400) and the targeted request is left as it was.
 */
@GovShareTest
class ShareRequestTrustTest {

  @LocalServerPort
  int port;

  @Autowired
  ActivePolicy policy;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ShareRequests requests;

  @AfterEach
  void baseline() {
    policy.activate("baseline");
  }

  @Test
  void aProviderCannotApproveARequestAddressedToAnotherProviderByNamingItsId() {
    JsonNode toGaj = apply("rsj-applicant", "RK-002", "DATA_VERIFICATION");
    JsonNode toScjgj = apply("rsj-applicant", "FR-002", "DATA_VERIFICATION");
    String check = task("operator", toScjgj, "normativeCheck");
    assertThat(submit("operator", check, vars("checkPassed", true)).status()).isEqualTo(204);
    String own = task("scjgj-reviewer", toScjgj, "providerAuthorization");

    ApiClient.Response forged = submit("scjgj-reviewer", own,
        vars("approved", true, "grantScope", "", "requestId", toGaj.path("id").asLong()));

    ShareRequestApiTest.refused(forged, "requestId");
    JsonNode target = request("rsj-applicant", toGaj);
    assertThat(target.path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(target.path("grantId").isNull() || target.path("grantId").isMissingNode()).isTrue();
    assertThat(target.path("steps").findValuesAsText("step")).doesNotContain("providerAuthorization");
    assertThat(request("rsj-applicant", toScjgj).path("status").asText()).isEqualTo("IN_REVIEW");
    task("scjgj-reviewer", toScjgj, "providerAuthorization");
    noOrphans(toGaj, toScjgj);
  }

  @Test
  void underNationalAnApplicantCannotRouteTheProviderStepToItselfAndApproveItsOwnRequest() {
    policy.activate("national");
    JsonNode own = apply("rsj-applicant", "RK-002", "WORK_REFERENCE");
    String signOff = task("rsj-head", own, "applicantHeadSignOff");

    ApiClient.Response forged = submit("rsj-head", signOff,
        vars("applicantHeadApproved", true, "providerDept", "rsj", "applicantDept", "mzj"));

    ShareRequestApiTest.refused(forged, "Dept");
    assertThat(request("rsj-applicant", own).path("status").asText()).isEqualTo("IN_REVIEW");
    task("rsj-head", own, "applicantHeadSignOff");
    noOrphans(own);

    // a variable written through the task's own /variables door changes nobody's task either
    ApiClient.as(port, "rsj-head").put("/engine-rest/task/" + signOff + "/variables/providerDept",
        Map.of("value", "rsj"));
    ApiClient.as(port, "rsj-head").post("/engine-rest/task/" + signOff + "/submit-form",
        vars("applicantHeadApproved", true));
    JsonNode visible = ApiClient.as(port, "rsj-applicant")
        .get("/engine-rest/task?processInstanceId=" + own.path("processInstanceId").asText()).json();
    assertThat(visible.findValuesAsText("taskDefinitionKey")).doesNotContain("providerAuthorization");
    assertThat(request("rsj-applicant", own).path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(request("rsj-applicant", own).path("grantId").isNumber()).isFalse();
    noOrphans(own);
  }

  @Test
  void underNationalAProviderCannotMoveTheStartOfItsAnswerPeriod() {
    policy.activate("national");
    JsonNode own = apply("rsj-applicant", "RK-002", "WORK_REFERENCE");
    submit("rsj-head", task("rsj-head", own, "applicantHeadSignOff"), vars("applicantHeadApproved", true));
    String answer = task("gaj-reviewer", own, "providerAuthorization");

    ApiClient.Response forged = submit("gaj-reviewer", answer, vars("answerAction", "EXTEND", "extensionDays", 5,
        "extensionReason", "需调取档案", "providerAuthorizationReceivedAt", "2099-01-01T00:00:00+08:00",
        "providerAuthorizationExtensionDays", -200));

    ShareRequestApiTest.refused(forged, "providerAuthorization");
    task("gaj-reviewer", own, "providerAuthorization");
    assertThat(request("rsj-applicant", own).path("status").asText()).isEqualTo("IN_REVIEW");
    noOrphans(own);
  }

  /** No request is left waiting without a process to move it. */
  private void noOrphans(JsonNode... created) {
    for (JsonNode request : created) {
      ShareRequest row = requests.require(request.path("id").asLong());
      if (row.status() == RequestStatus.IN_REVIEW || row.status() == RequestStatus.INCOMPLETE) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(row.processInstanceId()).count())
            .as("request %s %s has a running process", row.businessKey(), row.status()).isEqualTo(1);
      }
    }
  }

  private JsonNode apply(String user, String resource, String purpose) {
    ApiClient.Response created = ApiClient.as(port, user).post("/api/share-requests",
        ShareRequestApiTest.application(resource, purpose));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private JsonNode request(String user, JsonNode created) {
    return ApiClient.as(port, user).get("/api/share-requests/" + created.path("id").asLong()).json();
  }

  private String task(String user, JsonNode created, String key) {
    JsonNode tasks = ApiClient.as(port, user).get("/engine-rest/task?processInstanceId="
        + created.path("processInstanceId").asText() + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private ApiClient.Response submit(String user, String taskId, Map<String, Object> body) {
    return ApiClient.as(port, user).post("/engine-rest/task/" + taskId + "/submit-form", body);
  }

  private static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", variables);
  }
}
