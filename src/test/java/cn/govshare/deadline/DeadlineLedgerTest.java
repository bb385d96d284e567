package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger through the engine: given a timed task, when it is completed, deleted or breached, then … */
@GovShareTest
class DeadlineLedgerTest {

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
