package cn.govshare.evaluation;

import static cn.govshare.EngineTime.at;
import static cn.govshare.EngineTime.await;
import static cn.govshare.EngineTime.date;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.org.DepartmentService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R28 end to end with the adjustable clock: the New Year timer, the start on the first working day of January
 * 2026 (the 调休 Sunday 2026-01-04), one self-report per department due by the end of January moved past the
 * weekend, figures stored for review, who sees what before and after publication, publication, export.
 */
@GovShareTest
class YearlyEvaluationProcessTest {

  private static final String PROCESS = "yearly-evaluation";

  @LocalServerPort
  int port;

  @Autowired
  ManagementService management;

  @Autowired
  RepositoryService repository;

  @Autowired
  TaskService tasks;

  @Autowired
  DepartmentService departments;

  @Autowired
  EvaluationMapper mapper;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void theYearIsEvaluatedFromTheFirstWorkingDayOfJanuaryToPublication() throws IOException {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
        .singleResult().getId();
    Job newYear = management.createJobQuery().processDefinitionId(definition).timers().singleResult();
    assertThat(newYear).as("the start timer waits for the next 1 January").isNotNull();

    // 1 January 2026, the timer fires (its due time a year before the next one, in the server's zone): the process
    // waits for the first working day
    ClockUtil.setCurrentTime(Date.from(newYear.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault())
        .minusYears(1).plusSeconds(30).toInstant()));
    management.executeJob(newYear.getId());
    assertThat(management.createJobQuery().processDefinitionId(definition).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow().getDuedate())
        .as("the next start a year later").isEqualTo(newYear.getDuedate());
    String instance = management.createJobQuery().processDefinitionId(definition).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() != null).findFirst().orElseThrow().getProcessInstanceId();
    Job firstWorkingDay = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    // 2026-01-01..03 元旦 holiday; Sunday 2026-01-04 is a working day (调休)
    assertThat(firstWorkingDay.getDuedate()).isEqualTo(date("2026-01-04T09:00:00+08:00"));
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();

    at("2026-01-04T09:00:05+08:00");
    await(() -> tasks.createTaskQuery().processInstanceId(instance).count() == departments.all().size());
    Evaluation opened = mapper.findByProcessInstance(instance);
    assertThat(opened.year()).isEqualTo(2025);
    assertThat(opened.state()).isEqualTo(EvaluationState.REPORTING);
    // baseline R28-REPORT (county 19): end of January; 01-31 Saturday, 02-01 Sunday → Monday 02-02, 24:00
    assertThat(opened.reportDueDate()).hasToString("2026-02-02");
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      assertThat(task.getName()).isEqualTo("部门报告上一年度共享情况");
      assertThat(task.getDueDate()).isEqualTo(date("2026-02-03T00:00:00+08:00"));
      SelfReport row = mapper.findReportByTask(task.getId());
      assertThat(candidates(task)).containsExactly(row.department() + "-head");
    }
    assertThat(management.createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate())
        .isEqualTo(date("2026-02-03T00:00:00+08:00"));

    Task gajTask = reportTask(instance, "gaj");
    Task rsjTask = reportTask(instance, "rsj");
    // hostile doors: another department's head, a department member who is not its head, a variable not on the form
    assertThat(engineRest("gaj-head", "POST", "/task/" + rsjTask.getId() + "/complete",
        "{\"variables\":{\"selfReport\":{\"value\":\"冒名报告\"}}}")).isBetween(400, 499);
    assertThat(as("rsj-applicant").get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    assertThat(engineRest("gaj-head", "POST", "/task/" + gajTask.getId() + "/complete",
        "{\"variables\":{\"selfReport\":{\"value\":\"   \"}}}")).isEqualTo(400);
    assertThat(engineRest("gaj-head", "POST", "/task/" + gajTask.getId() + "/complete",
        "{\"variables\":{\"selfReport\":{\"value\":\"报告\"},\"department\":{\"value\":\"rsj\"}}}")).isEqualTo(400);
    assertThat(mapper.findReportByTask(rsjTask.getId()).submittedAt()).isNull();
    assertThat(engineRest("gaj-head", "POST", "/task/" + gajTask.getId() + "/complete",
        "{\"variables\":{\"selfReport\":{\"value\":\"2025年公安局提供人口基础信息等3项资源，均按时答复。\"}}}"))
        .isEqualTo(204);
    SelfReport gaj = mapper.findReportByTask(gajTask.getId());
    assertThat(gaj.department()).isEqualTo("gaj");
    assertThat(gaj.submittedBy()).isEqualTo("gaj-head");

    // before publication: a department sees only its own row, supervisors and the office all, nobody else
    assertThat(as("rsj-applicant").get("/api/evaluations/2025").json().path("rows").findValuesAsText("department"))
        .containsExactly("rsj");
    assertThat(as("office").get("/api/evaluations/2025").json().path("rows").findValuesAsText("department"))
        .containsAll(codes());
    assertThat(as("leader").get("/api/evaluations/2025").status()).isEqualTo(403);
    assertThat(as("admin").get("/api/evaluations/2025").status()).isEqualTo(403);
    assertThat(as("rsj-applicant").get("/api/evaluations/2025/evidence/gaj/selfReport.submitted").status())
        .isEqualTo(403);
    assertThat(as("supervisor").post("/api/evaluations/2025/publish", Map.of("remarks", "过早")).status())
        .isEqualTo(409);

    // the report period ends: the remaining self-reports close, the figures are computed and stored
    at("2026-02-03T00:00:05+08:00");
    await(() -> mapper.findEvaluation(2025).state() == EvaluationState.REVIEW);
    Task review = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("evaluationReview");
    assertThat(candidates(review)).containsExactly("supervisors");
    JsonNode draft = as("supervisor").get("/api/evaluations/2025").json();
    assertThat(draft.path("provisional").asBoolean()).isFalse();
    assertThat(figure(draft, "gaj", "selfReport.submitted")).isEqualTo(1);
    assertThat(figure(draft, "rsj", "selfReport.submitted")).isZero();

    // only a supervisor publishes
    assertThat(as("office").post("/api/evaluations/2025/publish", Map.of("remarks", "x")).status()).isEqualTo(403);
    assertThat(as("gaj-head").post("/api/evaluations/2025/publish", Map.of("remarks", "x")).status()).isEqualTo(403);
    ApiClient.Response published = as("supervisor").post("/api/evaluations/2025/publish",
        Map.of("remarks", "总体良好；人社局未按期提交自评报告，请改进。"));
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.json().path("state").asText()).isEqualTo("PUBLISHED");
    assertThat(published.json().path("reviewedBy").asText()).isEqualTo("supervisor");
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();

    // after publication every department reads every row (read-only), but not another's self-report text
    JsonNode seenByRsj = as("rsj-applicant").get("/api/evaluations/2025").json();
    assertThat(seenByRsj.path("rows").findValuesAsText("department")).containsAll(codes());
    assertThat(row(seenByRsj, "gaj").path("report").isNull()).isTrue();
    assertThat(row(as("gaj-reviewer").get("/api/evaluations/2025").json(), "gaj").path("report").asText())
        .startsWith("2025年公安局");
    assertThat(as("rsj-applicant").get("/api/evaluations/2025/evidence/gaj/selfReport.submitted").json()
        .get(0).path("submittedBy").asText()).isEqualTo("gaj-head");
    assertThat(as("rsj-applicant").post("/api/evaluations/2025/publish", Map.of()).status()).isEqualTo(403);
    assertThat(as("leader").get("/api/evaluations/2025").status()).isEqualTo(403);

    // recomputing the published year gives the same numbers
    JsonNode recomputed = as("supervisor").get("/api/evaluations/2025/recompute").json();
    assertThat(recomputed.path("same").asBoolean()).as(recomputed.toString()).isTrue();

    // exports: xlsx with a header per figure and a link per value; a printable Chinese page
    HttpResponse<byte[]> xlsx = raw("rsj-applicant", "/api/evaluations/2025.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(2);
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("部门");
      List<String> labels = java.util.stream.StreamSupport.stream(header.spliterator(), false)
          .map(c -> c.getStringCellValue()).toList();
      int submitted = labels.indexOf("按期提交自评报告");
      Row gajRow = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
          .filter(r -> r.getRowNum() > 2 && r.getCell(0) != null && "gaj".equals(r.getCell(0).getStringCellValue()))
          .findFirst().orElseThrow();
      assertThat(gajRow.getCell(submitted).getNumericCellValue()).isEqualTo(1.0);
      assertThat(gajRow.getCell(submitted).getHyperlink().getAddress())
          .endsWith("/api/evaluations/2025/evidence/gaj/selfReport.submitted");
    }
    ApiClient.Response page = as("rsj-applicant").get("/api/evaluations/2025.html");
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("2025 年度政务信息资源共享工作评估").contains("已公布").contains("@media print")
        .contains("人社局未按期提交自评报告");
  }

  @Test
  void badYearsAreNamedAndUnknownEvaluationsAreNotFound() {
    assertThat(as("supervisor").get("/api/evaluations/twenty").json().path("field").asText()).isEqualTo("year");
    assertThat(as("supervisor").get("/api/evaluations/1999").json().path("field").asText()).isEqualTo("year");
    assertThat(as("supervisor").get("/api/evaluations/2099.xlsx").json().path("field").asText()).isEqualTo("year");
    assertThat(as("supervisor").get("/api/evaluations/2018/recompute").status()).isEqualTo(404);
    assertThat(as("supervisor").post("/api/evaluations/2018/publish", Map.of()).status()).isEqualTo(404);
    assertThat(as("gaj-reviewer").get("/api/evaluations/2018/evidence/gaj/no.such.figure").status())
        .isEqualTo(404);
    assertThat(ApiClient.anonymous(port).get("/api/evaluations/2025").status()).isEqualTo(401);
  }

  private List<String> codes() {
    return departments.all().stream().map(cn.govshare.org.Department::code).toList();
  }

  private Task reportTask(String instance, String department) {
    return tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .filter(t -> department.equals(mapper.findReportByTask(t.getId()).department())).findFirst().orElseThrow();
  }

  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private static JsonNode row(JsonNode view, String department) {
    for (JsonNode row : view.path("rows")) {
      if (department.equals(row.path("department").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row " + department + " in " + view);
  }

  static int figure(JsonNode view, String department, String key) {
    for (JsonNode figure : row(view, department).path("figures")) {
      if (key.equals(figure.path("key").asText())) {
        return figure.path("value").asInt();
      }
    }
    throw new AssertionError("no figure " + key + " of " + department + " in " + view);
  }


  private int engineRest(String user, String method, String path, String json) {
    ApiClient.Response response = as(user).send(method, "/engine-rest" + path, json, "application/json");
    return response.status();
  }

  private HttpResponse<byte[]> raw(String user, String path) {
    String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
