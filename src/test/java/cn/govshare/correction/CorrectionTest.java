package cn.govshare.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.org.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@GovShareTest
class CorrectionTest {

  static final Caller RSJ = new Caller("rsj-applicant", "孙丽", "rsj", Set.of("rsj"));

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  Corrections corrections;

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** Completes a task as the provider's reviewer (scjgj) or head, as Tasklist would. */
  void completeAs(String user, String taskId, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, user.endsWith("-head") ? List.of("scjgj", "scjgj-head")
        : List.of("scjgj"));
    try {
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void verify(ProcessInstance pi, Object... values) {
    completeAs("scjgj-reviewer", task(pi).getId(), variables(values));
  }

  void decide(ProcessInstance pi, Object... values) {
    completeAs("scjgj-head", task(pi).getId(), variables(values));
  }

  static Map<String, Object> variables(Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return variables;
  }

  Correction report() {
    return corrections.report(RSJ, new NewCorrection("FR-001", "统一社会信用代码 91430500MA4L0XXXX", "法定代表人姓名与营业执照不一致",
        "营业执照副本照片", List.of()));
  }

  ProcessInstance instance(Correction correction) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(correction.processInstanceId()).singleResult();
  }

  static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  @Test
  void correctedInTimeTellsTheUserAndClosesTheDoubt() {
    Correction correction = report();
    ProcessInstance pi = instance(correction);
    assertThat(corrections.forResource("FR-001")).extracting(c -> c.id()).contains(String.valueOf(correction.id()));
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("scjgj");
    verify(pi, "outcome", "CORRECTED", "correctionNote", "已按登记档案更正法定代表人");
    BpmnAwareTests.assertThat(pi).isEnded();
    Correction closed = corrections.visible(RSJ, correction.id());
    assertThat(closed.status()).isEqualTo(CorrectionStatus.CORRECTED);
    assertThat(corrections.forResource("FR-001")).extracting(c -> c.id()).doesNotContain(String.valueOf(correction.id()));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_notification WHERE ref_type = 'CORRECTION' AND ref_id = ? "
        + "AND recipient = 'rsj' AND category = 'CORRECTION_RESULT'", Integer.class, String.valueOf(correction.id())))
        .isEqualTo(1);
  }

  @Test
  void noErrorNeedsAnExplanation() {
    ProcessInstance pi = instance(report());
    String verify = task(pi).getId();
    assertThatThrownBy(() -> completeAs("scjgj-reviewer", verify, Map.of("outcome", "NO_ERROR")))
        .hasMessageContaining("correctionNote");
    verify(pi, "outcome", "NO_ERROR", "correctionNote", "与登记档案一致，营业执照为旧版");
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  @Test
  void approvedExtensionMovesTheDueDateExactlyAcrossNationalDay() {
    ClockUtil.setCurrentTime(Date.from(at("2025-09-26T10:00:00+08:00")));
    ProcessInstance pi = instance(report());
    // 5 WD from Friday 09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(at("2025-10-11T00:00:00+08:00"));
    verify(pi, "outcome", "NEED_EXTENSION", "extensionDays", 3, "extensionReason", "需调取纸质档案");
    BpmnAwareTests.assertThat(pi).isWaitingAt("approveExtension");
    BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("scjgj-head");
    decide(pi, "extensionApproved", true, "headComment", "同意");
    BpmnAwareTests.assertThat(pi).isWaitingAt("verifyData");
    // 3 more WD after 10-10: 10-11 (make-up Saturday), 10-13, 10-14
    Instant due = task(pi).getDueDate().toInstant();
    assertThat(due).isEqualTo(at("2025-10-15T00:00:00+08:00"));
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 14))).isEqualTo(3);
  }

  @Test
  void rejectedExtensionKeepsTheOriginalDueDate() {
    ClockUtil.setCurrentTime(Date.from(at("2025-09-26T10:00:00+08:00")));
    ProcessInstance pi = instance(report());
    Instant original = task(pi).getDueDate().toInstant();
    verify(pi, "outcome", "NEED_EXTENSION", "extensionDays", 5, "extensionReason", "档案外借");
    String head = task(pi).getId();
    assertThatThrownBy(() -> completeAs("scjgj-head", head, Map.of("extensionApproved", false)))
        .hasMessageContaining("headComment");
    decide(pi, "extensionApproved", false, "headComment", "可调阅电子档案");
    assertThat(task(pi).getDueDate().toInstant()).isEqualTo(original);
  }

  @Test
  void extensionsAddUpToTheEffectiveCapAndNoMore() {
    // baseline 5 + 15 WD under the national ceiling (art. 26: 10 WD in all): at most 5 WD of extension
    ProcessInstance pi = instance(report());
    for (int days : List.of(3, 2)) {
      verify(pi, "outcome", "NEED_EXTENSION", "extensionDays", days, "extensionReason", "档案调取");
      decide(pi, "extensionApproved", true);
    }
    String verify = task(pi).getId();
    assertThatThrownBy(() -> completeAs("scjgj-reviewer", verify,
        Map.of("outcome", "NEED_EXTENSION", "extensionDays", 1, "extensionReason", "还要一天")))
        .hasMessageContaining("不得超过5个工作日");
    BpmnAwareTests.assertThat(pi).isWaitingAt("verifyData");
  }

  @Test
  void sixteenDaysOrNonsenseAreRefusedAtSubmission() {
    ProcessInstance pi = instance(report());
    String verify = task(pi).getId();
    for (Object days : List.of(16, 0, "x")) {
      assertThatThrownBy(() -> completeAs("scjgj-reviewer", verify,
          Map.of("outcome", "NEED_EXTENSION", "extensionDays", days, "extensionReason", "理由")))
          .hasMessageContaining("extensionDays");
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt("verifyData");
  }

  @Test
  void demoUsersRunACorrectionWithAnExtensionOverHttp() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "FR-001", "recordLocator", "91430500MA4L0YYYY",
        "description", "登记状态应为注销", "evidence", "注销通知书",
        "attachments", List.of(Map.of("fileName", "注销通知书.txt", "contentType", "text/plain",
            "base64", Base64.getEncoder().encodeToString("注销".getBytes())))));
    ApiClient.Response created = ApiClient.as(port, "rsj-applicant").post("/api/corrections", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    String instance = created.json().path("processInstanceId").asText();
    JsonNode resource = ApiClient.as(port, "rsj-applicant").get("/api/catalog/resources/FR-001").json();
    assertThat(resource.path("openCorrections").toString()).contains("登记状态应为注销");

    submit("scjgj-reviewer", instance, "verifyData", Map.of("outcome", "NEED_EXTENSION", "extensionDays", 5,
        "extensionReason", "需与税务部门核对"));
    submit("scjgj-head", instance, "approveExtension", Map.of("extensionApproved", true, "headComment", "同意"));
    JsonNode verify = ApiClient.as(port, "scjgj-reviewer")
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=verifyData").json().get(0);
    Instant received = Instant.parse(ApiClient.as(port, "rsj-applicant").get("/api/corrections/" + id).json()
        .path("correction").path("reportedAt").asText());
    Instant due = OffsetDateTime.parse(verify.path("due").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    assertThat(due).isEqualTo(calendar.due(received, 10).dueAt());
    submit("scjgj-reviewer", instance, "verifyData", Map.of("outcome", "CORRECTED", "correctionNote", "已更正为注销"));

    JsonNode seen = ApiClient.as(port, "rsj-applicant").get("/api/corrections/" + id).json();
    assertThat(seen.path("status").asText()).isEqualTo("CORRECTED");
    assertThat(seen.path("result").asText()).isEqualTo("已更正为注销");
    assertThat(seen.path("notifications").toString()).contains("校核期限延长5个工作日", "数据已更正");
    assertThat(ApiClient.as(port, "mzj-applicant").get("/api/corrections/" + id).status()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedAndNothingIsWritten() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction", Integer.class);
    ApiClient applicant = ApiClient.as(port, "rsj-applicant");
    assertThat(field(applicant.post("/api/corrections", Map.of("resourceCode", "ZZ-404", "recordLocator", "x",
        "description", "y")))).isEqualTo("resourceCode");
    assertThat(field(applicant.post("/api/corrections", Map.of("resourceCode", "FR-001", "recordLocator", "x",
        "description", "   ")))).isEqualTo("description");
    assertThat(field(applicant.post("/api/corrections", Map.of("resourceCode", "FR-001", "recordLocator", "x",
        "description", "y", "attachments", List.of(Map.of("fileName", "a.txt", "base64", "%%%")))))).isEqualTo(
        "attachments[0].base64");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_correction", Integer.class)).isEqualTo(before);
  }

  private void submit(String user, String instance, String key, Map<String, Object> values) {
    JsonNode tasks = ApiClient.as(port, user)
        .get("/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
    assertThat(tasks).as(user + " " + key).hasSize(1);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    ApiClient.Response response = ApiClient.as(port, user).post("/engine-rest/task/" + tasks.get(0).path("id").asText()
        + "/submit-form", Map.of("variables", variables));
    assertThat(response.status()).as(response.toString()).isEqualTo(204);
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }
}
