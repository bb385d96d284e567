package cn.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GovShareTest
class ShareRequestApiTest {

  static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort
  int port;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  RuntimeService runtime;

  static Map<String, Object> application(String resource, String purpose) {
    Map<String, Object> body = new HashMap<>();
    body.put("resourceCode", resource);
    body.put("purpose", purpose);
    body.put("reason", "核对参保人员户籍变动，办理社保关系转移");
    body.put("systemName", "社会保险业务系统");
    return body;
  }

  static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  JsonNode task(String user, String processInstanceId, String key) {
    JsonNode tasks = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " sees " + key).hasSize(1);
    return tasks.get(0);
  }

  void assertDueFromCalendar(JsonNode task, int workingDays) {
    Instant created = OffsetDateTime.parse(task.path("created").asText(), CAMUNDA_DATE).toInstant();
    Instant due = OffsetDateTime.parse(task.path("due").asText(), CAMUNDA_DATE).toInstant();
    assertThat(due).isEqualTo(calendar.due(created, workingDays).dueAt());
  }

  @Test
  void conditionalRequestRunsFromApplicationToGrantAsTheDemoUsers() {
    Map<String, Object> body = application("RK-002", "WORK_REFERENCE");
    body.put("requestedFields", List.of("公民身份号码", "姓名", "变动类型"));
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String instance = created.json().path("processInstanceId").asText();
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(created.json().path("businessKey").asText()).matches("SR-\\d{8}-\\d{6}");

    JsonNode check = task("operator", instance, "normativeCheck");
    assertDueFromCalendar(check, 3);
    assertThat(ApiClient.as(port, "operator").post("/engine-rest/task/" + check.path("id").asText() + "/submit-form",
        variables("checkPassed", true)).status()).isEqualTo(204);

    JsonNode authorization = task("gaj-reviewer", instance, "providerAuthorization");
    assertDueFromCalendar(authorization, 10);
    assertThat(ApiClient.as(port, "scjgj-reviewer")
        .get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    assertThat(ApiClient.as(port, "scjgj-reviewer").post("/engine-rest/task/" + authorization.path("id").asText()
        + "/complete", variables("approved", true)).status()).isIn(403, 404);
    assertThat(ApiClient.as(port, "rsj-applicant").post("/engine-rest/task/" + authorization.path("id").asText()
        + "/complete", variables("approved", true)).status()).isIn(403, 404);

    assertThat(ApiClient.as(port, "gaj-reviewer").post("/engine-rest/task/" + authorization.path("id").asText()
        + "/submit-form", variables("approved", true, "grantScope", "公民身份号码,姓名")).status()).isEqualTo(204);

    JsonNode request = ApiClient.as(port, "rsj-applicant").get("/api/share-requests/" + id).json();
    assertThat(request.path("status").asText()).isEqualTo("GRANTED");
    assertThat(request.path("steps").findValuesAsText("step"))
        .contains("submitted", "normativeCheck", "providerAuthorization", "applicantNotified");
    JsonNode providerStep = null;
    for (JsonNode step : request.path("steps")) {
      if (step.path("step").asText().equals("providerAuthorization")) {
        providerStep = step;
      }
    }
    assertThat(providerStep.path("actorUser").asText()).isEqualTo("gaj-reviewer");
    assertThat(providerStep.path("rule").asText()).isEqualTo("R13");
    assertThat(providerStep.path("citation").asText()).contains("第二十条");

    ApiClient applicant = ApiClient.as(port, "rsj-applicant");
    assertThat(applicant.get("/api/grants/check?dept=rsj&resource=RK-002&purpose=WORK_REFERENCE&field=姓名")
        .json().path("allowed").asBoolean()).isTrue();
    assertThat(applicant.get("/api/grants/check?dept=rsj&resource=RK-002&purpose=ADMINISTRATIVE_BASIS&field=姓名")
        .json().path("allowed").asBoolean()).isFalse();
    assertThat(applicant.get("/api/grants/check?dept=rsj&resource=RK-002&purpose=WORK_REFERENCE&field=迁入地")
        .json().path("allowed").asBoolean()).isFalse();
    assertThat(ApiClient.as(port, "mzj-applicant").get("/api/share-requests/" + id).status()).isEqualTo(404);
    assertThat(ApiClient.as(port, "supervisor").get("/api/share-requests/" + id).status()).isEqualTo(200);
  }

  @Test
  void refusalWithoutReasonIsRefusedAndTheTaskStaysOpen() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        application("RK-002", "DATA_VERIFICATION"));
    String instance = created.json().path("processInstanceId").asText();
    String check = task("operator", instance, "normativeCheck").path("id").asText();
    ApiClient.Response blank = ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/submit-form",
        variables("checkPassed", false, "checkComment", "   "));
    refused(blank, "checkComment");
    assertThat(blank.text()).contains("审查不通过须说明理由");
    task("operator", instance, "normativeCheck");

    ApiClient.as(port, "operator").post("/engine-rest/task/" + check + "/submit-form", variables("checkPassed", true));
    String authorization = task("gaj-reviewer", instance, "providerAuthorization").path("id").asText();
    ApiClient.Response noReason = ApiClient.as(port, "gaj-reviewer")
        .post("/engine-rest/task/" + authorization + "/submit-form", variables("approved", false));
    assertThat(noReason.text()).contains("不予共享须说明理由");
    task("gaj-reviewer", instance, "providerAuthorization");
  }

  @Test
  void unconditionalResourceIsGrantedAtOnceWithoutProcess() {
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/share-requests",
        application("RK-001", "BUSINESS_COLLABORATION"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("GRANTED");
    assertThat(created.json().path("processInstanceId").isNull()).isTrue();
  }

  @Test
  void notSharedResourceGoesToDispute() {
    ApiClient.Response created = ApiClient.as(port, "mzj-applicant").post("/api/share-requests",
        application("RK-003", "ADMINISTRATIVE_BASIS"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("DISPUTE");
  }

  @Test
  void everyValidationFailureNamesTheFieldAndStartsNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    ApiClient applicant = ApiClient.as(port, "rsj-applicant");
    Map<String, String> cases = new HashMap<>();
    Map<String, Object> unknown = application("XX-999", "WORK_REFERENCE");
    Map<String, Object> own = application("SB-001", "WORK_REFERENCE");
    Map<String, Object> noPurpose = application("RK-002", null);
    Map<String, Object> blankReason = application("RK-002", "WORK_REFERENCE");
    blankReason.put("reason", "  ");
    Map<String, Object> blankSystem = application("RK-002", "WORK_REFERENCE");
    blankSystem.put("systemName", "");
    Map<String, Object> badField = application("RK-002", "WORK_REFERENCE");
    badField.put("requestedFields", List.of("银行账户"));
    assertThat(field(applicant.post("/api/share-requests", unknown))).isEqualTo("resourceCode");
    assertThat(field(applicant.post("/api/share-requests", own))).isEqualTo("resourceCode");
    assertThat(field(applicant.post("/api/share-requests", noPurpose))).isEqualTo("purpose");
    assertThat(field(applicant.post("/api/share-requests", blankReason))).isEqualTo("reason");
    assertThat(field(applicant.post("/api/share-requests", blankSystem))).isEqualTo("systemName");
    assertThat(field(applicant.post("/api/share-requests", badField))).isEqualTo("requestedFields");
    assertThat(field(applicant.send("POST", "/api/share-requests",
        "{\"resourceCode\":\"RK-002\",\"purpose\":\"FOR_FUN\",\"reason\":\"r\",\"systemName\":\"s\"}",
        "application/json"))).isEqualTo("purpose");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(cases).isEmpty();
  }

  /**
   * A refused completion names the field. FormRejection is a BadUserRequestException: 400 where the REST door
   * maps it through the task listener's wrapper (the input work of issue 18), 500 with the same text before.
   */
  static void refused(ApiClient.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text()).contains(field);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }

  @Test
  void grantCheckForADepartmentWithoutAnyGrantAnswersNoAndIsAudited() {
    ApiClient.Response answer = ApiClient.as(port, "mzj-applicant")
        .get("/api/grants/check?dept=mzj&resource=FR-002&purpose=DATA_VERIFICATION");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().path("allowed").asBoolean()).isFalse();
    assertThat(answer.json().path("reason").asText()).isEqualTo("无有效授权");
    assertThat(ApiClient.as(port, "mzj-applicant").get("/api/audit?limit=50").json().toString())
        .contains("GRANT_CHECK", "mzj FR-002 DATA_VERIFICATION: 无有效授权");
  }
}
