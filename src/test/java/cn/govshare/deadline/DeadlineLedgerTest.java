package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger through the engine: given a timed task, when it is completed, deleted or breached, then … */
@GovShareTest
class DeadlineLedgerTest {

  private static final int BURST = 30;

  @Autowired
  ProcessEngine engine;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  Deadlines deadlines;

  @Autowired
  DeadlineMapper mapper;

  @Autowired
  DeadlineLedger ledger;

  @Autowired
  HistoryService history;

  @Autowired
  BreachBatches batches;

  @Autowired
  MeterRegistry meters;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void taskCompletedBeforeDueIsMetAndItsTimersAreGone() {
    ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj"));
    Task task = task(instance);
    assertThat(jobs(instance)).hasSize(2);

    at("2025-10-10T09:00:00+08:00");
    tasks.complete(task.getId());

    DeadlineView view = deadlines.forProcessInstance(instance.getId()).get(0);
    assertThat(view.state()).isEqualTo("MET");
    assertThat(view.completedAt()).isEqualTo(OffsetDateTime.parse("2025-10-10T09:00:00+08:00").toInstant());
    assertThat(jobs(instance)).isEmpty();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void stepWithoutLimitHasNoDueDateNoTimersAndIsMetWhenDone() {
    ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj"));
    tasks.complete(task(instance).getId());
    Task negotiation = task(instance);
    assertThat(negotiation.getTaskDefinitionKey()).isEqualTo("negotiation");
    assertThat(negotiation.getDueDate()).isNull();
    assertThat(jobs(instance)).isEmpty();

    DeadlineRecord record = mapper.findByTask(negotiation.getId());
    assertThat(record.state()).isEqualTo("OPEN");
    assertThat(record.limitUnit()).isEqualTo("NONE");
    assertThat(record.dueDate()).isNull();

    tasks.complete(negotiation.getId());
    assertThat(mapper.findByTask(negotiation.getId()).state()).isEqualTo("MET");
  }

  @Test
  void receivedAtAndExtensionDaysVariablesMoveTheDueDate() {
    Date received = Date.from(OffsetDateTime.parse("2025-09-25T16:00:00+08:00").toInstant());
    ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj",
        "providerAuthorizationReceivedAt", received, "providerAuthorizationExtensionDays", 2));
    DeadlineView view = deadlines.forProcessInstance(instance.getId()).get(0);
    // from Thursday 09-25: 12 WD → 10-15 is the 10th, 10-16 and 10-17 the 11th and 12th
    assertThat(view.startedAt()).isEqualTo(received.toInstant());
    assertThat(view.dueDate()).isEqualTo(LocalDate.of(2025, 10, 17));
    assertThat(task(instance).getDueDate()).isEqualTo(Date.from(view.dueAt()));
  }

  @Test
  void deletingTheProcessCancelsTheDeadlineAndItsTimers() {
    ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj"));
    runtime.deleteProcessInstance(instance.getId(), "withdrawn");
    assertThat(deadlines.forProcessInstance(instance.getId()).get(0).state()).isEqualTo("CANCELLED");
    assertThat(jobs(instance)).isEmpty();
  }

  @Test
  void breachTimerFiredByTheJobExecutorAndRunAgainRaisesOneIncident() {
    ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj"));
    long id = mapper.findByTask(task(instance).getId()).id();

    at("2025-10-17T08:00:00+08:00");
    DeadlineAcceptanceTest.await(() -> "BREACHED".equals(mapper.findById(id).state()));
    commands().execute(context -> {
      ledger.breach(id);
      return null;
    });

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId())
        .incidentType(DeadlineLedger.INCIDENT_TYPE).count()).isEqualTo(1);
    assertThat(mapper.findById(id).incidentId()).isNotNull();
  }

  /** Issue 25: a burst is raised in small batches, and one failing deadline does not hold back the rest. */
  @Test
  void aPoisonedDeadlineDoesNotHoldBackTheOthersAndNoneIsRaisedTwice() {
    List<String> instances = new ArrayList<>();
    List<Long> deadlines = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", "gaj"));
      instances.add(instance.getId());
      deadlines.add(mapper.findByTask(task(instance).getId()).id());
    }
    // the first deadline to fall due cannot be breached: its execution is gone
    long poisoned = deadlines.get(0);
    String execution = jdbc.queryForObject("SELECT execution_id FROM gs_deadline WHERE id = ?", String.class, poisoned);
    jdbc.update("UPDATE gs_deadline SET execution_id = 'gone' WHERE id = ?", poisoned);
    List<String> breachTimers = new ArrayList<>();
    for (String instance : instances) {
      breachTimers.addAll(jdbc.queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ? "
          + "AND PROCESS_INSTANCE_ID_ = ?", String.class, DeadlineJobs.BREACH, instance));
    }
    try {
      at("2025-10-17T08:00:00+08:00");
      List<Long> others = deadlines.subList(1, BURST);
      DeadlineAcceptanceTest.await(() -> others.stream().allMatch(id -> "BREACHED".equals(mapper.findById(id).state())));

      assertThat(mapper.findById(poisoned).state()).isEqualTo("OPEN");
      assertThat(instances.stream().mapToLong(instance -> runtime.createIncidentQuery()
          .incidentType(DeadlineLedger.INCIDENT_TYPE).processInstanceId(instance).count()).sum()).isEqualTo(BURST - 1);
      long timersRun = breachTimers.stream().mapToLong(job -> history.createHistoricJobLogQuery().jobId(job)
          .successLog().count()).sum();
      // no breach is raised twice: a timer whose deadline another batch raised is deleted, not run. How many fewer
      // timers run than breaches depends on how many the job executor's threads took at once (each takes the due
      // ones not locked by the others, SKIP LOCKED): with eight threads firing together every batch can be one, as
      // a run in .ci/run showed, so the saving is measured by the breach-burst benchmark (docs/performance.md), not
      // asserted here.
      assertThat(timersRun).as("breach timers that ran to raise %d breaches", BURST - 1)
          .isLessThanOrEqualTo(BURST - 1);
    } finally {
      jdbc.update("UPDATE gs_deadline SET execution_id = ? WHERE id = ?", execution, poisoned);
      instances.forEach(instance -> runtime.deleteProcessInstance(instance, "test done"));
    }
  }

  /**
   * Issue 25: a batch raised by one timer gives each of its deadlines exactly what a breach alone gives — one
   * incident on the task's execution, one report to the general office (R27), one register entry (R29) with its
   * audit record (R26) and the department's notice — and the timer that fires afterwards adds nothing.
   */
  @Test
  void aBatchGivesEachDeadlineOneIncidentReportRegisterEntryAuditRecordAndNotice() {
    List<ProcessInstance> instances = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    // the job executor would take the timers one by one: the batch is run by hand, as its first timer would
    executor.shutdown();
    try {
      for (String group : List.of("gaj", "scjgj", "rsj", "gaj")) {
        ProcessInstance instance = start("2025-09-26T10:00:00+08:00", Map.of("group", group));
        instances.add(instance);
        ids.add(mapper.findByTask(task(instance).getId()).id());
      }
      List<String> timers = instances.stream().map(i -> jdbc.queryForObject("SELECT ID_ FROM ACT_RU_JOB WHERE "
          + "HANDLER_TYPE_ = ? AND PROCESS_INSTANCE_ID_ = ?", String.class, DeadlineJobs.BREACH, i.getId())).toList();
      // one of the others' timers has failed for good (its failed-job incident open): the batch resolves it as before
      management.setJobRetries(timers.get(2), 0);
      assertThat(runtime.createIncidentQuery().incidentType("failedJob").processInstanceId(instances.get(2).getId())
          .count()).isEqualTo(1);
      at("2025-10-17T08:00:00+08:00");
      DistributionSummary sizes = meters.get("govshare.deadline.breach.batch").summary();
      long batchesBefore = sizes.count();
      double breachedBefore = sizes.totalAmount();
      long breachedRowsBefore = count("SELECT COUNT(*) FROM gs_deadline WHERE state = 'BREACHED'");
      commands().execute(context -> {
        batches.breach(ids.get(0));
        return null;
      });
      // operations see the batch in the metrics: one batch of every deadline it breached, the four and any other due
      // one left open in a shared database (the executor is stopped: nothing else ran)
      long breachedRows = count("SELECT COUNT(*) FROM gs_deadline WHERE state = 'BREACHED'") - breachedRowsBefore;
      assertThat(breachedRows).isGreaterThanOrEqualTo(4);
      assertThat(sizes.count() - batchesBefore).isEqualTo(1);
      assertThat(sizes.totalAmount() - breachedBefore).isEqualTo(breachedRows);
      // the other deadlines' timers: deleted by the batch, none run (a deadline's row records its timers' end: no
      // creation or deletion job log, LeanHistory)
      for (String timer : timers.subList(1, timers.size())) {
        assertThat(management.createJobQuery().jobId(timer).count()).as(timer).isZero();
        assertThat(history.createHistoricJobLogQuery().jobId(timer).successLog().count()).as(timer).isZero();
        assertThat(history.createHistoricJobLogQuery().jobId(timer).deletionLog().count()).as(timer).isZero();
      }
      assertThat(runtime.createIncidentQuery().incidentType("failedJob").processInstanceId(instances.get(2).getId())
          .count()).as("the failed timer's incident, resolved with it").isZero();
      executor.start();
      DeadlineAcceptanceTest.await(() -> instances.stream().allMatch(i -> jdbc.queryForObject("SELECT COUNT(*) FROM "
          + "ACT_RU_JOB WHERE HANDLER_TYPE_ = ? AND PROCESS_INSTANCE_ID_ = ?", Long.class, DeadlineJobs.BREACH,
          i.getId()) == 0));

      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i);
        DeadlineRecord deadline = mapper.findById(id);
        assertThat(deadline.state()).isEqualTo("BREACHED");
        assertThat(deadline.department()).isEqualTo(List.of("gaj", "scjgj", "rsj", "gaj").get(i));
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(instances.get(i).getId())
            .incidentType(DeadlineLedger.INCIDENT_TYPE).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
          assertThat(incident.getId()).isEqualTo(deadline.incidentId());
          assertThat(incident.getExecutionId()).isEqualTo(deadline.executionId());
          assertThat(incident.getConfiguration()).isEqualTo(String.valueOf(id));
        });
        assertThat(count("SELECT COUNT(*) FROM gs_notification WHERE category = 'DEADLINE_BREACH' AND ref_type = "
            + "'deadline' AND ref_id = ? AND recipient = 'general-office'", String.valueOf(id))).isEqualTo(1);
        List<Long> violations = jdbc.queryForList("SELECT id FROM gs_violation WHERE source_key = ? AND deadline_id = ?"
            + " AND department = ?", Long.class, "deadline:" + id, id, deadline.department());
        assertThat(violations).hasSize(1);
        String violation = String.valueOf(violations.get(0));
        assertThat(count("SELECT COUNT(*) FROM gs_audit WHERE action = 'VIOLATION_RECORDED' AND object_type = "
            + "'VIOLATION' AND object_id = ?", violation)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM gs_notification WHERE category = 'VIOLATION' AND ref_type = "
            + "'VIOLATION' AND ref_id = ? AND recipient = ?", violation, deadline.department())).isEqualTo(1);
        // every notification of the breach has its delivery (mail is on in the tests): none left out of the outbox
        assertThat(count("SELECT COUNT(*) FROM gs_notification n WHERE ((n.ref_type = 'deadline' AND n.ref_id = ?) OR "
            + "(n.ref_type = 'VIOLATION' AND n.ref_id = ?)) AND NOT EXISTS (SELECT 1 FROM gs_notification_delivery d "
            + "WHERE d.notification_id = n.id)", String.valueOf(id), violation)).isZero();
      }
    } finally {
      if (!executor.isActive()) {
        executor.start();
      }
      // the instances' reminders are due too and the executor runs them: a deletion racing one is tried again
      instances.forEach(instance -> deleteWhenNoTimerRuns(instance.getId()));
    }
  }

  private void deleteWhenNoTimerRuns(String instance) {
    for (int attempt = 1; ; attempt++) {
      try {
        runtime.deleteProcessInstance(instance, "test done");
        return;
      } catch (OptimisticLockingException racedATimer) {
        if (attempt == 10) {
          throw racedATimer;
        }
      }
    }
  }

  private long count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Long.class, arguments);
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  private ProcessInstance start(String at, Map<String, Object> variables) {
    at(at);
    return runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "ledger-" + UUID.randomUUID(), variables);
  }

  private Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<Job> jobs(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).list();
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(Instant.from(OffsetDateTime.parse(time))));
  }
}
