package cn.govshare.trust;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.WebappSession;
import cn.govshare.GovShareTest;
import cn.govshare.deadline.DeadlineSupervision;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, classes 1, 2, 5 and 8: a department's login, through every door it has ({@code /engine-rest} with
 * HTTP Basic and the web apps' session API), cannot touch a deadline timer, write a variable outside its own
 * form, rename or delete itself, or read system metrics; and each attempt leaves the case as it was.
 */
@GovShareTest
class EngineDoorsHostileTest {

  static final List<String> DEPARTMENT_USERS = List.of("mzj-applicant", "gaj-reviewer", "rsj-applicant",
      "scjgj-head", "supervisor");
  static final String BREACH = "govshare-deadline-breach";
  static final String REMINDER = "govshare-deadline-reminder";
  static final String TASK = "providerAuthorization";
  /** The sub-process that carries the provider's R13 answer period (national 20, 21: through sign-off and extension). */
  static final String PERIOD = "providerAnswer";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DeadlineSupervision supervision;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- class 1: deadline timers ----

  @Test
  void noDepartmentListsExecutesPostponesSuspendsDisarmsOrDeletesADeadlineTimer() {
    String instance = caseAtProviderAuthorization();
    Job breach = breachJob(instance);
    String id = breach.getId();
    String ran = reminderRun(instance);
    for (String user : DEPARTMENT_USERS) {
      ApiClient api = ApiClient.as(port, user);
      WebappSession web = WebappSession.login(port, user);
      if (!"supervisor".equals(user)) {
        // supervisors watch every deadline in Cockpit (READ_INSTANCE, READ_HISTORY): they read timers, change none
        assertThat(api.get("/engine-rest/job").text()).as(user).doesNotContain(id);
        assertThat(api.get("/engine-rest/job?processInstanceId=" + instance).text()).as(user).doesNotContain(id);
        assertThat(web.get("/job")).as(user).doesNotContain(id);
        assertThat(api.get("/engine-rest/history/job-log?jobId=" + ran).text()).as(user).doesNotContain(ran);
        assertThat(web.get("/history/job-log?jobId=" + ran)).as(user).doesNotContain(ran);
      }
      for (Object[] attempt : jobAttempts(id, instance)) {
        String method = (String) attempt[0];
        String path = (String) attempt[1];
        if ("supervisor".equals(user) && "GET".equals(method)) {
          continue;
        }
        assertThat(api.send(method, "/engine-rest" + path, attempt[2], "application/json").status())
            .as(user + " " + method + " " + path).isGreaterThanOrEqualTo(400);
        assertThat(web.send(method, path, attempt[2]).status()).as(user + " web " + method + " " + path)
            .isGreaterThanOrEqualTo(400);
        assertThat(breachJob(instance).getRetries()).as(user + " " + method + " " + path)
            .isEqualTo(breach.getRetries());
      }
    }
    Job after = breachJob(instance);
    assertThat(after.getId()).isEqualTo(id);
    assertThat(after.getDuedate()).isEqualTo(breach.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isEqualTo(breach.getRetries());
    assertThat(deadlineState(instance)).isEqualTo("OPEN");
    // the breach timer is still the instance's only job (the reminder ran above, as the test's own step)
    assertThat(management.createJobQuery().processInstanceId(instance).list()).extracting(Job::getId)
        .containsExactly(id);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void noDepartmentRunsPostponesOrDeletesASystemJobWithoutProcessDefinition() {
    // Camunda checks no authorization on a job without a process definition (history cleanup, batches)
    String id = Optional.ofNullable(management.createJobQuery().list().stream()
        .filter(job -> job.getProcessDefinitionKey() == null).map(Job::getId).findFirst().orElse(null))
        .orElseGet(() -> history.cleanUpHistoryAsync(true).getId());
    Job before = management.createJobQuery().jobId(id).singleResult();
    for (String user : DEPARTMENT_USERS) {
      ApiClient api = ApiClient.as(port, user);
      for (Object[] attempt : jobAttempts(id, "no-instance")) {
        if ("GET".equals(attempt[0]) || !attempt[1].toString().contains(id)) {
          continue;  // the attempts by process instance do not apply to a job without one
        }
        assertThat(api.send((String) attempt[0], "/engine-rest" + attempt[1], attempt[2], "application/json")
            .status()).as(user + " " + attempt[0] + " " + attempt[1]).isEqualTo(403);
      }
    }
    Job after = management.createJobQuery().jobId(id).singleResult();
    assertThat(after).as("the system job is still there").isNotNull();
    assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isEqualTo(before.getRetries());
  }

  @Test
  void deadlineTimersBelongToTheirProcessAndTheirFailedJobIncidentsStayInvisibleToDepartments() {
    String instance = caseAtProviderAuthorization();
    Job breach = breachJob(instance);
    assertThat(breach.getProcessDefinitionId()).isNotNull();
    assertThat(breach.getProcessDefinitionKey()).isEqualTo("conditional-share-request");
    assertThat(breach.getDeploymentId()).isNotNull();
    // an administrator disarms it: a failed-job incident; departments see neither it nor the job log
    assertThat(ApiClient.as(port, "admin").put("/engine-rest/job/" + breach.getId() + "/retries",
        Map.of("retries", 0)).status()).isEqualTo(204);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    reminderRun(instance);
    for (String user : List.of("mzj-applicant", "gaj-reviewer", "rsj-applicant", "scjgj-head")) {
      ApiClient api = ApiClient.as(port, user);
      assertThat(api.get("/engine-rest/incident?processInstanceId=" + instance).json()).as(user).isEmpty();
      assertThat(api.get("/engine-rest/incident").text()).as(user).doesNotContain(instance);
      assertThat(api.get("/engine-rest/history/incident?processInstanceId=" + instance).json()).as(user).isEmpty();
      assertThat(api.get("/engine-rest/history/job-log?processInstanceId=" + instance).json()).as(user).isEmpty();
    }
    // the supervision check notices the disarmed breach timer and arms it again
    supervision.check();
    Job rearmed = breachJob(instance);
    assertThat(rearmed.getRetries()).isPositive();
    assertThat(rearmed.getDuedate()).isEqualTo(breach.getDuedate());
  }

  @Test
  void anAdministratorsChangeToADeadlineTimerIsAnAuditRecordOfTheRealActor() {
    String instance = caseAtProviderAuthorization();
    Job breach = breachJob(instance);
    assertThat(ApiClient.as(port, "admin").put("/engine-rest/job/" + breach.getId() + "/priority",
        Map.of("priority", 7)).status()).isEqualTo(204);
    JsonNode record = lastRecord("DEADLINE_JOB_CHANGED");
    assertThat(record.path("actorUserId").asText()).isEqualTo("admin");
    assertThat(record.path("outcome").asText()).isEqualTo("OK");
    assertThat(record.path("detail").asText()).contains(breach.getId(), "SetJobPriority");

    // an administrator's variable edit (Cockpit's door) is a record against the case too
    assertThat(ApiClient.as(port, "admin").put("/engine-rest/process-instance/" + instance + "/variables/adminNote",
        value("核对")).status()).isEqualTo(204);
    JsonNode edit = lastRecord("VARIABLE_WRITE");
    assertThat(edit.path("actorUserId").asText()).isEqualTo("admin");
    assertThat(edit.path("outcome").asText()).isEqualTo("OK");
    assertThat(edit.path("detail").asText()).contains("adminNote", instance);
  }

  @Test
  void aDeletedBreachTimerIsRecreatedAndAPastDueDeadlineWithoutTimerBreachesAtOnce() {
    String instance = caseAtProviderAuthorization();
    Job breach = breachJob(instance);
    assertThat(ApiClient.as(port, "admin").delete("/engine-rest/job/" + breach.getId()).status()).isEqualTo(204);
    assertThat(lastRecord("DEADLINE_JOB_CHANGED").path("detail").asText()).contains(breach.getId());
    supervision.check();
    Job recreated = breachJob(instance);
    assertThat(recreated.getId()).isNotEqualTo(breach.getId());
    assertThat(recreated.getDuedate()).isEqualTo(breach.getDuedate());
    assertThat(lastRecord("DEADLINE_TIMER_RESTORED").path("detail").asText()).contains(instance);

    // a case from the 2025 National Day week whose breach timer was deleted then: long past due, breached at once
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-09-26T10:00:00+08:00").toInstant()));
    String late = caseAtProviderAuthorization();
    management.deleteJob(breachJob(late).getId());
    ClockUtil.reset();
    supervision.check();
    assertThat(deadlineState(late)).isEqualTo("BREACHED");
    assertThat(runtime.createIncidentQuery().processInstanceId(late).incidentType("deadlineBreach").count())
        .isEqualTo(1);
    assertThat(lastRecord("DEADLINE_BREACHED_BY_SUPERVISION").path("detail").asText()).contains(late);
  }

  @Test
  void anEarlyExecutedBreachTimerIsArmedAgainAtItsDueInstantInsteadOfBreaching() {
    String instance = caseAtProviderAuthorization();
    Job breach = breachJob(instance);
    assertThat(ApiClient.as(port, "admin").post("/engine-rest/job/" + breach.getId() + "/execute", null).status())
        .isEqualTo(204);
    assertThat(deadlineState(instance)).isEqualTo("OPEN");
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    Job rearmed = breachJob(instance);
    assertThat(rearmed.getDuedate()).isEqualTo(breach.getDuedate());
    assertThat(rearmed.getRetries()).isEqualTo(breach.getRetries());
  }

  // ---- class 2: variables ----

  @Test
  void theTaskHolderWritesOnlyItsOwnFormsFieldsThroughEveryVariableDoor() {
    String instance = caseAtProviderAuthorization();
    String task = task(instance).getId();
    Map<String, Object> before = runtime.getVariables(instance);
    Map<String, Object> local = tasks.getVariablesLocal(task);
    String due = String.valueOf(dueDate(task));
    List<Map<String, Object>> forged = List.of(
        Map.of("requestId", value(999_999)), Map.of("providerDept", value("mzj")),
        Map.of("applicantDept", value("gaj")),
        Map.of(TASK + "ExtensionDays", value(215)), Map.of(TASK + "ReceivedAt", value("2099-01-01T00:00:00+08:00")));
    for (String user : List.of("gaj-reviewer", "mzj-applicant", "rsj-applicant", "scjgj-head")) {
      ApiClient api = ApiClient.as(port, user);
      WebappSession web = WebappSession.login(port, user);
      for (Map<String, Object> variable : forged) {
        String name = variable.keySet().iterator().next();
        Map<String, Object> completion = new HashMap<>(Map.of("approved", value(true)));
        completion.putAll(variable);
        for (String door : List.of("/complete", "/submit-form", "/resolve")) {
          assertRefused(api.post("/engine-rest/task/" + task + door, Map.of("variables", completion)), name,
              user + door);
          assertRefused(web.send("POST", "/task/" + task + door, Map.of("variables", completion)), name,
              user + " web" + door);
        }
        for (String scope : List.of("/variables", "/localVariables")) {
          String path = "/task/" + task + scope;
          assertRefused(api.put("/engine-rest" + path + "/" + name, variable.get(name)), name, user + path);
          assertRefused(api.post("/engine-rest" + path, Map.of("modifications", variable)), name, user + path);
          assertRefused(api.post("/engine-rest" + path, Map.of("deletions", List.of(name))), name, user + path);
          assertRefused(api.delete("/engine-rest" + path + "/" + name), name, user + path);
          assertRefused(web.send("PUT", path + "/" + name, variable.get(name)), name, user + " web" + path);
          assertRefused(web.send("POST", path, Map.of("modifications", variable)), name, user + " web" + path);
        }
      }
    }
    assertThat(task(instance).getId()).isEqualTo(task);
    assertThat(String.valueOf(dueDate(task))).isEqualTo(due);
    assertThat(runtime.getVariables(instance)).isEqualTo(before);
    assertThat(tasks.getVariablesLocal(task)).isEqualTo(local);
    JsonNode refused = lastRecord("VARIABLE_WRITE");
    assertThat(refused.path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(refused.path("detail").asText()).contains(instance);
  }

  @Test
  void aCompletionWithTooLongATextOrAChangedReadOnlyFieldIsRefusedNamingTheField() {
    String instance = caseAtProviderAuthorization();
    String task = task(instance).getId();
    ApiClient provider = ApiClient.as(port, "gaj-reviewer");
    ApiClient.Response tooLong = provider.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("approved", value(false), "denialReason", value("长".repeat(2001)))));
    assertRefused(tooLong, "denialReason", "too long");
    ApiClient.Response extra = provider.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("approved", value(true), "providerHead", value("gaj-reviewer"))));
    assertRefused(extra, "providerHead", "extra field");
    assertThat(task(instance).getId()).isEqualTo(task);
    // the form's own field, within its length, by the task's holder: accepted
    // (a refusal: an approval would grant rsj RK-002, which other tests in this context assume it lacks)
    assertThat(provider.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("answerAction", value("ANSWER"), "approved", value(false), "denialReason", value("门禁测试：不予共享"))))
        .status()).isEqualTo(204);
  }

  @Test
  void aCandidateClaimsButNeverPostponesReassignsOrWidensTheTask() {
    String instance = caseAtProviderAuthorization();
    Task task = task(instance);
    String id = task.getId();
    ApiClient provider = ApiClient.as(port, "gaj-reviewer");
    WebappSession web = WebappSession.login(port, "gaj-reviewer");
    Map<String, Object> postponed = new HashMap<>(Map.of("name", task.getName(),
        "due", "2099-01-01T00:00:00.000+0800"));
    assertThat(provider.put("/engine-rest/task/" + id, postponed).status()).isEqualTo(403);
    assertThat(web.send("PUT", "/task/" + id, postponed).status()).isEqualTo(403);
    assertThat(provider.post("/engine-rest/task/" + id + "/assignee", Map.of("userId", "mzj-applicant")).status())
        .isEqualTo(403);
    assertThat(provider.post("/engine-rest/task/" + id + "/identity-links", Map.of("groupId", "mzj",
        "type", "candidate")).status()).isEqualTo(403);
    assertThat(provider.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "gaj-reviewer")).status())
        .isEqualTo(204);
    // once claimed, only its assignee writes the form's fields: a colleague of the same department is refused
    assertRefused(ApiClient.as(port, "gaj-head").put("/engine-rest/task/" + id + "/variables/denialReason",
        value("同部门他人")), "denialReason", "not the assignee");
    Task after = task(instance);
    assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
    assertThat(after.getAssignee()).isEqualTo("gaj-reviewer");
    assertThat(tasks.getIdentityLinksForTask(id).stream().filter(l -> "mzj".equals(l.getGroupId()))).isEmpty();
  }

  @Test
  void departmentsCannotWriteProcessVariablesCorrelateOrModifyAnInstance() {
    String instance = caseAtProviderAuthorization();
    Map<String, Object> before = runtime.getVariables(instance);
    String execution = task(instance).getExecutionId();
    for (String user : List.of("gaj-reviewer", "mzj-applicant", "rsj-applicant", "scjgj-head", "supervisor")) {
      ApiClient api = ApiClient.as(port, user);
      assertThat(api.put("/engine-rest/process-instance/" + instance + "/variables/providerDept", value("mzj"))
          .status()).as(user).isEqualTo(403);
      assertThat(api.post("/engine-rest/process-instance/" + instance + "/variables",
          Map.of("modifications", Map.of("applicantDept", value("gaj")))).status()).as(user).isEqualTo(403);
      assertThat(api.delete("/engine-rest/process-instance/" + instance + "/variables/requestId").status())
          .as(user).isEqualTo(403);
      assertThat(api.put("/engine-rest/execution/" + execution + "/localVariables/requestId", value(1)).status())
          .as(user).isEqualTo(403);
      assertThat(api.post("/engine-rest/process-instance/" + instance + "/modification", Map.of("instructions",
          List.of(Map.of("type", "startBeforeActivity", "activityId", TASK)))).status()).as(user).isEqualTo(403);
      assertThat(api.post("/engine-rest/message", Map.of("messageName", "withdraw", "processInstanceId", instance,
          "processVariables", Map.of("providerDept", value("mzj"))))).as(user)
          .satisfies(r -> assertThat(r.status()).isBetween(400, 499));
      // no such signal subscription: Camunda answers 500 before it checks UPDATE_INSTANCE; nothing is written
      assertThat(api.post("/engine-rest/signal", Map.of("name", "withdraw", "executionId", execution,
          "variables", Map.of("providerDept", value("mzj")))).status()).as(user).isGreaterThanOrEqualTo(400);
      // no conditional start event deployed: Camunda answers 500 (ENGINE-13043); nothing is started
      assertThat(api.post("/engine-rest/condition", Map.of("variables", Map.of("providerDept", value("mzj"))))
          .status()).as(user).isGreaterThanOrEqualTo(400);
      assertThat(api.post("/engine-rest/process-definition/key/conditional-share-request/start", Map.of(
          "variables", Map.of("requestId", value(1), "providerDept", value(user.substring(0, 3))))).status())
          .as(user).isEqualTo(403);
    }
    assertThat(runtime.getVariables(instance)).isEqualTo(before);
    assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("requestId", 1).count()).isZero();
  }

  // ---- class 5: identity ----

  @Test
  void nobodyButAnAdministratorRenamesOrDeletesAUser() {
    for (String user : List.of("mzj-applicant", "gaj-reviewer")) {
      ApiClient api = ApiClient.as(port, user);
      String department = user.substring(0, 3);
      assertThat(api.put("/engine-rest/user/" + user + "/profile", Map.of("id", user, "firstName", "赵刚",
          "lastName", "", "email", "gaj-head@govshare.example")).status()).as(user).isEqualTo(403);
      assertThat(WebappSession.login(port, user).send("PUT", "/user/" + user + "/profile", Map.of("id", user,
          "firstName", "赵刚", "lastName", "", "email", "x@govshare.example")).status()).as(user).isEqualTo(403);
      assertThat(api.delete("/engine-rest/user/" + user).status()).as(user).isEqualTo(403);
      assertThat(api.delete("/engine-rest/group/" + department + "/members/" + user).status()).as(user)
          .isEqualTo(403);
      assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName()).doesNotContain("赵刚");
      assertThat(identity.createUserQuery().userId(user).memberOfGroup(department).count()).isEqualTo(1);
      JsonNode grants = ApiClient.as(port, "admin").get("/engine-rest/authorization?userIdIn=" + user
          + "&resourceType=1&resourceId=" + user).json();
      for (JsonNode grant : grants) {
        assertThat(grant.path("permissions").toString()).as(user).doesNotContain("ALL", "DELETE");
      }
    }
  }

  // ---- class 8: metrics ----

  @Test
  void onlyAdministratorsAndSupervisorsReadSystemMetrics() {
    for (String user : List.of("mzj-applicant", "gaj-reviewer", "rsj-applicant", "scjgj-head")) {
      assertThat(ApiClient.as(port, user).get("/engine-rest/metrics/activity-instance-start/sum").status()).as(user)
          .isEqualTo(403);
      assertThat(ApiClient.as(port, user).get("/engine-rest/metrics?interval=900").status()).as(user)
          .isEqualTo(403);
      assertThat(WebappSession.login(port, user).send("GET", "/metrics/activity-instance-start/sum", null).status())
          .as(user).isEqualTo(403);
    }
    assertThat(ApiClient.as(port, "supervisor").get("/engine-rest/metrics/activity-instance-start/sum").status())
        .isEqualTo(200);
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/metrics?interval=900").status()).isEqualTo(200);
  }

  // ---- fixtures ----

  /** rsj applies for gaj's RK-002; the platform passes the check: gaj holds providerAuthorization (R13). */
  String caseAtProviderAuthorization() {
    Map<String, Object> body = new HashMap<>(Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE",
        "reason", "门禁测试", "systemName", "社会保险业务系统"));
    ApiClient.Response started = ApiClient.as(port, "rsj-applicant").post("/api/share-requests", body);
    assertThat(started.status()).as(started.toString()).isLessThan(300);
    String instance = started.json().path("processInstanceId").asText();
    Task check = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    ApiClient.Response passed = ApiClient.as(port, "operator").post("/engine-rest/task/" + check.getId()
        + "/complete", Map.of("variables", Map.of("checkPassed", value(true))));
    assertThat(passed.status()).as(passed.toString()).isEqualTo(204);
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(TASK);
    return instance;
  }

  Task task(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  /**
   * Runs the instance's reminder timer now and returns its id: its run is the instance's job log (a deadline timer's
   * creation and deletion leave none, LeanHistory), which an administrator reads and a department must not.
   */
  String reminderRun(String instance) {
    List<String> reminders = management.createJobQuery().processInstanceId(instance).list().stream()
        .filter(job -> REMINDER.equals(((JobEntity) job).getJobHandlerType())).map(Job::getId)
        .toList();
    assertThat(reminders).hasSize(1);
    management.executeJob(reminders.get(0));
    assertThat(ApiClient.as(port, "admin").get("/engine-rest/history/job-log?processInstanceId=" + instance).text())
        .as("the reminder's run, in the job log").contains(reminders.get(0));
    return reminders.get(0);
  }

  Job breachJob(String instance) {
    List<Job> breach = new ArrayList<>();
    for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
      if (BREACH.equals(((JobEntity) job).getJobHandlerType())) {
        breach.add(job);
      }
    }
    assertThat(breach).hasSize(1);
    return breach.get(0);
  }

  String deadlineState(String instance) {
    return jdbc.queryForObject("SELECT state FROM gs_deadline WHERE process_instance_id = ? "
        + "AND task_definition_key = ?", String.class, instance, PERIOD);
  }

  Instant dueDate(String task) {
    return tasks.createTaskQuery().taskId(task).singleResult().getDueDate().toInstant();
  }

  static List<Object[]> jobAttempts(String id, String instance) {
    return List.of(
        new Object[] {"GET", "/job/" + id, null},
        new Object[] {"POST", "/job/" + id + "/execute", null},
        new Object[] {"PUT", "/job/" + id + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0800")},
        new Object[] {"POST", "/job/" + id + "/duedate/recalculate", null},
        new Object[] {"PUT", "/job/" + id + "/suspended", Map.of("suspended", true)},
        new Object[] {"PUT", "/job/suspended", Map.of("processInstanceId", instance, "suspended", true)},
        new Object[] {"PUT", "/process-instance/" + instance + "/suspended", Map.of("suspended", true)},
        new Object[] {"PUT", "/job/" + id + "/retries", Map.of("retries", 0)},
        new Object[] {"POST", "/job/retries", Map.of("jobIds", List.of(id), "retries", 0)},
        new Object[] {"PUT", "/job/" + id + "/priority", Map.of("priority", 0)},
        new Object[] {"DELETE", "/job/" + id, null});
  }

  /** Refused: 4xx (FormRejection 400 naming the field, or 403 for a user who does not hold the task). */
  static void assertRefused(ApiClient.Response response, String field, String what) {
    assertThat(response.status()).as(what + " " + field + ": " + response.text()).isBetween(400, 499);
    if (response.status() == 400) {
      // the field is answered apart ("field"); a refusal of the whole submission names it in its text
      assertThat(response.text()).as(what + " " + field)
          .containsAnyOf("\"field\":\"" + field + "\"", "（" + field + "）");
    }
  }

  static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  JsonNode lastRecord(String action) {
    JsonNode records = ApiClient.as(port, "supervisor").get("/api/audit?limit=5000").json();
    JsonNode last = null;
    for (JsonNode record : records) {
      if (action.equals(record.path("action").asText()) && (last == null
          || record.path("id").asLong() > last.path("id").asLong())) {
        last = record;
      }
    }
    assertThat(last).as("an audit record " + action).isNotNull();
    return last;
  }
}
