package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST contract of deadlines, breaches, statistics and the adjustable clock. */
@GovShareTest
class DeadlineApiTest {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void departmentSeesItsOwnDeadlinesAndIsRefusedAnotherDepartments() {
    startProbe("scjgj");
    startProbe("gaj");
    ApiClient reviewer = ApiClient.as(port, "gaj-reviewer");
    JsonNode own = reviewer.get("/api/deadlines?size=200").json();
    assertThat(own.path("content").findValuesAsText("department")).containsOnly("gaj");
    assertThat(reviewer.get("/api/deadlines?dept=scjgj").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "supervisor").get("/api/deadlines?dept=scjgj").json().path("totalElements").asLong())
        .isPositive();
    assertThat(ApiClient.as(port, "office").get("/api/deadlines?state=OPEN&rule=R13").status()).isEqualTo(200);
  }

  @Test
  void badParametersAreNamedInTheProblem() {
    ApiClient supervisor = ApiClient.as(port, "supervisor");
    assertThat(field(supervisor.get("/api/deadlines?state=LOST"))).isEqualTo("state");
    assertThat(field(supervisor.get("/api/deadlines?size=0"))).isEqualTo("size");
    assertThat(field(supervisor.get("/api/deadlines?page=-1"))).isEqualTo("page");
    assertThat(field(supervisor.get("/api/deadlines?page=x"))).isEqualTo("page");
    assertThat(field(supervisor.get("/api/statistics?from=2025-13-01"))).isEqualTo("from");
    assertThat(field(supervisor.get("/api/statistics?from=2025-10-01&to=2025-09-01"))).isEqualTo("to");
    assertThat(field(supervisor.get("/api/statistics.csv?to=yesterday"))).isEqualTo("to");
  }

  @Test
  void statisticsCountHandledOnTimeAndBreachesPerDepartmentAndMonth() {
    // March 2023 is used by this test only
    ApiClient admin = ApiClient.as(port, "admin");
    at("2023-03-01T10:00:00+08:00");
    String onTime = startProbe("rsj");
    String late = startProbe("rsj");
    at("2023-03-03T10:00:00+08:00");
    tasks.complete(task(onTime));
    at("2023-03-29T10:00:00+08:00");
    // the breach timer is due now: let the job executor raise it before the late completion, as in life
    DeadlineAcceptanceTest.await(() -> runtime.createIncidentQuery().processInstanceId(late)
        .incidentType(DeadlineLedger.INCIDENT_TYPE).count() == 1);
    tasks.complete(task(late));

    JsonNode rows = admin.get("/api/statistics?from=2023-03&to=2023-03&dept=rsj").json().path("rows");
    assertThat(rows).hasSize(1);
    JsonNode march = rows.get(0);
    assertThat(march.path("month").asText()).isEqualTo("2023-03");
    assertThat(march.path("departmentName").asText()).isEqualTo("市人社局");
    assertThat(march.path("handled").asInt()).isEqualTo(2);
    assertThat(march.path("onTimeRate").asDouble()).isEqualTo(0.5);
    assertThat(march.path("breaches").asInt()).isEqualTo(1);
    // 2 WD (03-02, 03-03) and 20 WD (03-02 .. 03-29): median 11
    assertThat(march.path("medianWorkingDays").asDouble()).isEqualTo(11.0);

    ApiClient.Response csv = ApiClient.as(port, "rsj-head").get("/api/statistics.csv?from=2023-03&to=2023-03");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.text()).startsWith("\uFEFF部门代码,部门,月份").contains("rsj,市人社局,2023-03,2,11.0,0.5,1");
  }

  @Test
  void clockIsForAdministratorsOnly() {
    assertThat(ApiClient.as(port, "supervisor").get("/api/admin/clock").status()).isEqualTo(403);
    assertThat(ApiClient.as(port, "office").put("/api/admin/clock", Map.of("now", "2025-10-17T00:01:00+08:00"))
        .status()).isEqualTo(403);
    ApiClient admin = ApiClient.as(port, "admin");
    assertThat(field(admin.put("/api/admin/clock", Map.of()))).isEqualTo("now");
    assertThat(field(admin.put("/api/admin/clock", Map.of("now", "tomorrow")))).isEqualTo("now");
    JsonNode moved = admin.put("/api/admin/clock", Map.of("now", "2025-10-17T00:01:00+08:00")).json();
    assertThat(moved.path("now").asText()).startsWith("2025-10-17T00:01");
    assertThat(moved.path("adjusted").asBoolean()).isTrue();
    assertThat(admin.get("/api/admin/clock").json().path("now").asText()).startsWith("2025-10-17T00:01");
    assertThat(admin.delete("/api/admin/clock").json().path("adjusted").asBoolean()).isFalse();
  }

  private String startProbe(String group) {
    return runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "api-" + UUID.randomUUID(), Map.of("group", group))
        .getId();
  }

  private String task(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private static String field(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().path("field").asText();
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(Instant.from(OffsetDateTime.parse(time))));
  }
}
