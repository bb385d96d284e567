package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The acceptance scenario of issue 9, over HTTP, with the job executor firing the timers. */
@GovShareTest
class DeadlineAcceptanceTest {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void providerAnswerReceivedBeforeNationalDayBreachesOnOctober17AndClosesLateTwoWorkingDaysOver() {
    ApiClient admin = ApiClient.as(port, "admin");
    setClock(admin, "2025-09-26T10:00:00+08:00");
    String instance = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "acceptance-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    // 10 WD: make-up Sunday 09-28 and Saturday 10-11 count, 10-01..10-08 do not
    assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2025-10-17T00:00+08:00").toInstant());
    assertThat(task.getFollowUpDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2025-10-15T00:00+08:00").toInstant());
    JsonNode deadline = deadlineOf(admin, task.getId());
    assertThat(deadline.path("dueDate").asText()).isEqualTo("2025-10-16");
    assertThat(deadline.path("state").asText()).isEqualTo("OPEN");
    assertThat(deadline.path("rule").asText()).isEqualTo("R13");
    assertThat(deadline.path("department").asText()).isEqualTo("gaj");
    long id = deadline.path("id").asLong();

    setClock(admin, "2025-10-16T23:00:00+08:00");
    await(() -> notifications("gaj-reviewer", id).toString().contains("DEADLINE_REMINDER"));
    sleep(Duration.ofSeconds(2));
    assertThat(breachIncidents(admin, instance)).isEmpty();

    setClock(admin, "2025-10-17T00:01:00+08:00");
    await(() -> breachIncidents(admin, instance).size() > 0);
    sleep(Duration.ofSeconds(2));
    JsonNode incidents = breachIncidents(admin, instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).path("incidentMessage").asText())
        .startsWith("超期: 提供部门审核 — R13 ").endsWith("— 应于 2025-10-17 00:00 前办结");
    assertThat(notifications("office", id).toString()).contains("DEADLINE_BREACH");
    assertThat(ApiClient.as(port, "supervisor").get("/api/deadlines/" + id).json().path("state").asText())
        .isEqualTo("BREACHED");

    setClock(admin, "2025-10-20T10:00:00+08:00");
    ApiClient.Response completed = ApiClient.as(port, "gaj-reviewer")
        .post("/engine-rest/task/" + task.getId() + "/complete", Map.of());
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    assertThat(breachIncidents(admin, instance)).isEmpty();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).resolved().count()).isEqualTo(1);
    JsonNode closed = ApiClient.as(port, "gaj-reviewer").get("/api/deadlines/" + id).json();
    assertThat(closed.path("state").asText()).isEqualTo("LATE");
    assertThat(closed.path("workingDaysOverdue").asInt()).isEqualTo(2);
    assertThat(closed.path("completedBy").asText()).isEqualTo("gaj-reviewer");
  }

  private void setClock(ApiClient admin, String now) {
    ApiClient.Response response = admin.put("/api/admin/clock", Map.of("now", now));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private JsonNode deadlineOf(ApiClient client, String taskId) {
    for (JsonNode row : client.get("/api/deadlines?dept=gaj&size=200&state=OPEN").json().path("content")) {
      if (taskId.equals(row.path("taskId").asText())) {
        return row;
      }
    }
    throw new AssertionError("no deadline for task " + taskId);
  }

  private JsonNode breachIncidents(ApiClient admin, String instance) {
    return admin.get("/engine-rest/incident?incidentType=deadlineBreach&processInstanceId=" + instance).json();
  }

  private JsonNode notifications(String user, long deadlineId) {
    return ApiClient.as(port, user).get("/api/notifications?refType=deadline&refId=" + deadlineId).json();
  }

  static void await(BooleanSupplier condition) {
    await(condition, Duration.ofSeconds(20));
  }

  static void await(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout);
      }
      sleep(Duration.ofMillis(200));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
