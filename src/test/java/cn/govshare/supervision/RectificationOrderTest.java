package cn.govshare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rectification process (责令改正, R29) through the doors its users have: given a violation a supervisor
 * recorded, when the order is issued, answered, sent back, lapsed and finally accepted, then who acts and the limit
 * come from the order's row, the lapse is one ignored-order violation escalated to the profile's body, and no
 * other department can act or read.
 */
@GovShareTest
class RectificationOrderTest {

  @LocalServerPort
  int port;

  @Autowired
  TaskService tasks;

  @Autowired
  ProcessEngine engine;

  @Autowired
  RuntimeService runtime;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOrderIsAnsweredSentBackLapsesIntoAViolationAndIsAcceptedLate() {
    ApiClient admin = ApiClient.as(port, "admin");
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    setClock(admin, "2025-09-26T10:00:00+08:00");
    long violation = recordRefusal(supervisor, "gaj", "对 RK-002 的申请以“内部资料”为由不予共享，无法律依据");

    ApiClient.Response issued = supervisor.post("/api/rectification-orders", Map.of("violationId", violation,
        "requirement", "重新答复申请并说明依据"));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    long order = issued.json().path("id").asLong();
    String instance = issued.json().path("processInstanceId").asText();
    assertThat(issued.json().path("state").asText()).isEqualTo("ISSUED");
    ProcessInstance running = instance(instance);
    BpmnAwareTests.assertThat(running).isWaitingAt("answerRectification");

    // 15 WD (baseline, 未规定 in every regulation) from Friday 09-26: make-up days 09-28 and 10-11 count
    Task answer = task(instance, "answerRectification");
    assertThat(answer.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2025-10-24T00:00+08:00").toInstant());
    assertThat(tasks.getIdentityLinksForTask(answer.getId())).anyMatch(l -> "gaj-head".equals(l.getGroupId()));

    // hostile: another department's head, the department's reviewer, forged routing variables
    assertThat(complete("scjgj-head", answer, Map.of("measures", "已整改")).status()).isGreaterThanOrEqualTo(400);
    assertThat(complete("gaj-reviewer", answer, Map.of("measures", "已整改")).status()).isGreaterThanOrEqualTo(400);
    ApiClient.Response forged = complete("gaj-head", answer, Map.of("measures", "已整改", "issuerGroup", "gaj-head"));
    assertThat(forged.status()).as(forged.toString()).isGreaterThanOrEqualTo(400);
    assertThat(state(order)).isEqualTo("ISSUED");

    assertThat(complete("gaj-head", answer, Map.of("measures", "已重新答复")).status()).isEqualTo(204);
    Task review = task(instance, "reviewRectification");
    assertThat(tasks.getIdentityLinksForTask(review.getId())).anyMatch(l -> "supervisors".equals(l.getGroupId()));
    assertThat(complete("gaj-head", review, Map.of("accepted", true)).status()).isGreaterThanOrEqualTo(400);
    assertThat(complete("supervisor", review, Map.of("accepted", false)).status()).isGreaterThanOrEqualTo(400);
    assertThat(complete("supervisor", review, Map.of("accepted", false, "reviewComment", "未说明法律依据"))
        .status()).isEqualTo(204);

    // sent back: the limit still runs from the issuance
    BpmnAwareTests.assertThat(instance(instance)).hasPassed("reviewRectification").isWaitingAt("answerRectification");
    Task again = task(instance, "answerRectification");
    assertThat(again.getDueDate()).isEqualTo(answer.getDueDate());

    setClock(admin, "2025-10-24T00:01:00+08:00");
    await(() -> "LAPSED".equals(state(order)));
    JsonNode ignored = supervisor.get("/api/violations?dept=gaj&kind=IGNORED_ORDER").json();
    assertThat(ignored).filteredOn(v -> v.path("summary").asText().contains("RO-" + order)).hasSize(1);
    JsonNode recorded = ignored.get(0);
    assertThat(recorded.path("citation").asText()).contains("第二十一条第（六）项");
    assertThat(recorded.path("recordedBy").asText()).isEqualTo("system");
    assertThat(recorded.path("evidence").toString()).contains("/api/rectification-orders/" + order,
        "/api/deadlines/");
    assertThat(ApiClient.as(port, "office").get("/api/notifications?refType=RECTIFICATION&refId=" + order).text())
        .contains("RECTIFICATION_LAPSED", "逾期未整改，报政府办公厅");
    assertThat(supervisor.get("/api/rectification-orders/" + order).json().path("escalatedTo").asText())
        .startsWith("政府办公厅");

    setClock(admin, "2025-10-27T10:00:00+08:00");
    assertThat(complete("gaj-head", again, Map.of("measures", "已按法律依据重新答复")).status()).isEqualTo(204);
    assertThat(complete("supervisor", task(instance, "reviewRectification"), Map.of("accepted", true)).status())
        .isEqualTo(204);
    assertThat(state(order)).isEqualTo("ACCEPTED");
    BpmnAwareTests.assertThat(running).hasPassed("rectified").isEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gs_violation WHERE source_key = ?", Integer.class,
        "order:" + order)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?", Integer.class,
        instance)).isZero();
  }

  @Test
  void otherDepartmentsNeitherReadNorStartOrdersThroughAnyDoor() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    long violation = recordRefusal(supervisor, "gaj", "不予共享未说明理由");
    ApiClient.Response issued = ApiClient.as(port, "office").post("/api/rectification-orders",
        Map.of("violationId", violation, "requirement", "说明理由"));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    long order = issued.json().path("id").asLong();
    String instance = issued.json().path("processInstanceId").asText();

    ApiClient scjgj = ApiClient.as(port, "scjgj-reviewer");
    assertThat(scjgj.get("/api/violations/" + violation).status()).isEqualTo(404);
    assertThat(scjgj.get("/api/violations?dept=gaj").status()).isEqualTo(403);
    assertThat(scjgj.get("/api/violations").json()).noneMatch(v -> v.path("id").asLong() == violation);
    assertThat(scjgj.get("/api/rectification-orders/" + order).status()).isEqualTo(404);
    assertThat(scjgj.get("/api/rectification-orders").json()).noneMatch(o -> o.path("id").asLong() == order);
    assertThat(ApiClient.as(port, "leader").get("/api/violations").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "gaj-reviewer").get("/api/violations/" + violation).status()).isEqualTo(200);
    assertThat(ApiClient.as(port, "gaj-reviewer").post("/api/rectification-orders",
        Map.of("violationId", violation, "requirement", "x")).status()).isEqualTo(403);
    assertThat(supervisor.post("/api/rectification-orders", Map.of("violationId", violation, "requirement", "再次"))
        .status()).isEqualTo(409);

    for (String path : new String[] {"/engine-rest/process-instance?processDefinitionKey=rectification-order",
        "/engine-rest/task?processInstanceId=" + instance, "/engine-rest/variable-instance?processInstanceIdIn="
        + instance, "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/process-instance?processInstanceId=" + instance}) {
      ApiClient.Response response = scjgj.get(path);
      assertThat(response.status() >= 400 || response.json().isEmpty()).as(path + " " + response).isTrue();
    }
    ApiClient.Response started = supervisor.post("/engine-rest/process-definition/key/rectification-order/start",
        Map.of("businessKey", "RO-" + order));
    assertThat(started.status()).as(started.toString()).isGreaterThanOrEqualTo(400);

    // the department cannot review (accept) its own order, even were it in the issuer's group
    String answer = task(instance, "answerRectification").getId();
    assertThat(ApiClient.as(port, "gaj-head").post("/engine-rest/task/" + answer + "/complete",
        Map.of("variables", Map.of("measures", Map.of("value", "已整改")))).status()).isEqualTo(204);
    assertThat(complete("gaj-head", task(instance, "reviewRectification"), Map.of("accepted", true)).status())
        .isGreaterThanOrEqualTo(400);
    assertThat(state(order)).isEqualTo("ANSWERED");
  }

  static long recordRefusal(ApiClient supervisor, String department, String description) {
    ApiClient.Response response = supervisor.post("/api/violations", Map.of("kind", "REFUSAL_WITHOUT_GROUNDS",
        "department", department, "description", description, "caseLink", "/api/share-requests/1"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().path("id").asLong();
  }

  private ApiClient.Response complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return ApiClient.as(port, user).post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
  }

  private ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Task task(String instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  private String state(long order) {
    return jdbc.queryForObject("SELECT state FROM gs_rectification_order WHERE id = ?", String.class, order);
  }

  /** The breach timer fires through the running job executor (CAMUNDA-NOTES: up to the executor's max wait). */
  static void await(BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void setClock(ApiClient admin, String now) {
    ApiClient.Response response = admin.put("/api/admin/clock", Map.of("now", now));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }
}
