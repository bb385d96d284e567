package cn.govshare.catalog;

import static cn.govshare.catalog.CatalogFixtures.conditionalEntry;
import static cn.govshare.catalog.CatalogFixtures.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notification;
import cn.govshare.notification.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** catalog-review (R7, nanchang 9): platform review, rejection with reasons, the notice-period timer. */
@GovShareTest
class CatalogReviewProcessTest {

  static final String RESOURCES = "/api/catalog/resources/";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  CatalogService catalog;

  @Autowired
  FixtureGrantHolders grants;

  @Autowired
  Notifications notifications;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void platformApprovalPublishesTheDraftAsVersionOne() {
    String code = draft();
    ProcessInstance review = submit(code, Map.of());

    BpmnAwareTests.assertThat(review).isWaitingAt("catalogReview");
    BpmnAwareTests.assertThat(task(review)).hasName("目录审核").hasCandidateGroup("platform-operators");
    assertThat(catalog.find(code).orElseThrow().status()).isEqualTo(ResourceStatus.DRAFT);
    assertThat(ApiClient.as(port, "operator").get("/engine-rest/task/" + task(review).getId() + "/deployed-form")
        .text()).contains("catalogApproved", "reviewComment");

    complete(task(review), withVariables("catalogApproved", true));

    BpmnAwareTests.assertThat(review).hasPassed("approveCatalogChange", "applyCatalogChange").isEnded();
    CatalogResource published = catalog.find(code).orElseThrow();
    assertThat(published.status()).isEqualTo(ResourceStatus.PUBLISHED);
    assertThat(published.version()).isEqualTo(1);
    assertThat(ApiClient.as(port, "gaj-reviewer").get(RESOURCES + code).status()).isEqualTo(200);
  }

  @Test
  void rejectionKeepsTheDraftWithTheReviewComment() {
    String code = draft();
    ProcessInstance review = submit(code, Map.of());

    complete(task(review), withVariables("catalogApproved", false, "reviewComment", "共享条件未写明查询方式"));

    BpmnAwareTests.assertThat(review).hasPassed("rejectCatalogChange").isEnded();
    JsonNode entry = ApiClient.as(port, "mzj-applicant").get(RESOURCES + code).json();
    assertThat(entry.path("status").asText()).isEqualTo("DRAFT");
    assertThat(entry.path("version").asInt()).isZero();
    assertThat(entry.path("latestChange").path("state").asText()).isEqualTo("REJECTED");
    assertThat(entry.path("latestChange").path("reviewComment").asText()).isEqualTo("共享条件未写明查询方式");
    assertThat(notifications.about(CatalogService.OBJECT_TYPE, code)).anyMatch(n -> n.recipient().equals("mzj"));
  }

  @Test
  void rejectionWithoutReasonsIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance review = submit(draft(), Map.of());
    String taskId = task(review).getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("catalogApproved", false, "reviewComment", "  ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("审核意见");

    BpmnAwareTests.assertThat(review).isWaitingAt("catalogReview");
  }

  @Test
  void changeOfAnEntryWithGrantsIsAnnouncedAtOnceAndTakesEffectOnlyOnItsDate() {
    at(LocalDateTime.of(2025, 10, 9, 10, 0));
    String code = published();
    grants.grant(code, "rsj", "scjgj");
    Map<String, Object> edited = conditionalEntry(code, "mzj");
    edited.put("name", "婚姻登记信息（2025年修订）");
    assertThat(ApiClient.as(port, "mzj-applicant").put(RESOURCES + code, edited).status()).isEqualTo(200);
    ApiClient mzj = ApiClient.as(port, "mzj-applicant");

    assertEffectiveDateRejected(mzj.post(RESOURCES + code + "/publish", Map.of()));
    assertEffectiveDateRejected(mzj.post(RESOURCES + code + "/publish", Map.of("effectiveDate", "2025-11-08")));
    ProcessInstance review = submit(code, Map.of("effectiveDate", "2025-11-09"));

    assertThat(notifications.about(CatalogService.OBJECT_TYPE, code)).extracting(Notification::recipient)
        .contains("rsj", "scjgj");
    complete(task(review), withVariables("catalogApproved", true));
    BpmnAwareTests.assertThat(review).isWaitingAt("effectiveDateReached");
    Job timer = management.createJobQuery().processInstanceId(review.getId()).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(date(LocalDateTime.of(2025, 11, 9, 0, 0)));
    assertThat(catalog.find(code).orElseThrow().name()).isEqualTo("婚姻登记信息");

    at(LocalDateTime.of(2025, 11, 8, 23, 59));
    assertThat(management.createJobQuery().processInstanceId(review.getId()).executable().count()).isZero();

    at(LocalDateTime.of(2025, 11, 9, 0, 1));
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count() == 0);
    BpmnAwareTests.assertThat(review).hasPassed("applyCatalogChange").isEnded();
    CatalogResource changed = catalog.find(code).orElseThrow();
    assertThat(changed.name()).isEqualTo("婚姻登记信息（2025年修订）");
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.status()).isEqualTo(ResourceStatus.PUBLISHED);
  }

  @Test
  void retirementWithoutGrantHoldersTakesEffectOnApproval() {
    String code = published();
    ProcessInstance review = retire(code);

    complete(task(review), withVariables("catalogApproved", true));

    BpmnAwareTests.assertThat(review).isEnded();
    assertThat(catalog.find(code).orElseThrow().status()).isEqualTo(ResourceStatus.RETIRED);
    assertThat(ApiClient.as(port, "mzj-applicant").get("/api/catalog/resources?dept=mzj&size=500").json()
        .path("items").findValuesAsText("code")).doesNotContain(code);
  }

  @Test
  void retirementOfAnEntryWithGrantsNeedsTheNoticePeriod() {
    String code = published();
    grants.grant(code, "gaj");

    assertEffectiveDateRejected(ApiClient.as(port, "mzj-applicant").post(RESOURCES + code + "/retire", Map.of()));
  }

  @Test
  void theReviewTaskListsTheEntryAndItsDepartmentAndShowsItsCaseFileOnlyToThoseConcerned() {
    String code = draft();
    String review = task(submit(code, Map.of())).getId();
    JsonNode local = ApiClient.as(port, "operator").get("/engine-rest/task/" + review + "/localVariables").json();
    assertThat(local.path("caseNumber").path("value").asText()).startsWith(code + "#");
    assertThat(local.path("caseRequester").path("value").asText()).isEqualTo("市民政局");
    assertThat(local.path("caseResource").path("value").asText()).endsWith("（" + code + "）");
    String path = "/api/tasks/" + review + "/case-file";
    JsonNode file = ApiClient.as(port, "operator").get(path).json().path("caseFile");
    assertThat(file.path("title").asText()).isEqualTo("目录发布审核");
    assertThat(file.path("facts").toString()).contains(code, "发布", "审核通过即生效");
    assertThat(file.path("parties").findValuesAsText("name")).containsExactly("市民政局");
    assertThat(ApiClient.as(port, "mzj-applicant").get(path).status()).as("the submitting department").isEqualTo(200);
    assertThat(ApiClient.as(port, "gaj-reviewer").get(path).status()).as("another department").isEqualTo(404);
  }

  private String draft() {
    String code = uniqueCode("CR");
    ApiClient.Response created = ApiClient.as(port, "mzj-applicant").post("/api/catalog/resources",
        conditionalEntry(code, "mzj"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return code;
  }

  private String published() {
    String code = draft();
    complete(task(submit(code, Map.of())), withVariables("catalogApproved", true));
    assertThat(catalog.find(code).orElseThrow().status()).isEqualTo(ResourceStatus.PUBLISHED);
    return code;
  }

  private ProcessInstance submit(String code, Map<String, Object> body) {
    return started(ApiClient.as(port, "mzj-applicant").post(RESOURCES + code + "/publish", body));
  }

  private ProcessInstance retire(String code) {
    return started(ApiClient.as(port, "mzj-applicant").post(RESOURCES + code + "/retire", Map.of()));
  }

  private ProcessInstance started(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(202);
    String id = response.json().path("latestChange").path("processInstanceId").asText();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private static void assertEffectiveDateRejected(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("field").asText()).isEqualTo("effectiveDate");
    assertThat(response.json().path("rule").asText()).isEqualTo("R7");
  }

  private static void at(LocalDateTime shanghai) {
    ClockUtil.setCurrentTime(date(shanghai));
  }

  private static Date date(LocalDateTime shanghai) {
    return Date.from(shanghai.atZone(Zones.SHANGHAI).toInstant());
  }
}
