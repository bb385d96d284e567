package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 25: a breach burst is raised in small batches, and one failing deadline does not hold back the rest. */
@GovShareTest
class BreachBatchesTest {

  private static final int DUE = 30;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @Autowired
  DeadlineMapper mapper;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPoisonedDeadlineDoesNotHoldBackTheOthersWhichAreRaisedInFewerTransactionsThanBreaches() {
    at("2025-09-26T10:00:00+08:00");
    List<String> instances = new ArrayList<>();
    List<Long> deadlines = new ArrayList<>();
    for (int i = 0; i < DUE; i++) {
      String instance = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "batch-" + UUID.randomUUID(),
          Map.of("group", "gaj")).getId();
      instances.add(instance);
      deadlines.add(mapper.findByTask(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId()).id());
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
      List<Long> others = deadlines.subList(1, DUE);
      DeadlineAcceptanceTest.await(() -> others.stream().allMatch(id -> "BREACHED".equals(mapper.findById(id).state())));

      assertThat(mapper.findById(poisoned).state()).isEqualTo("OPEN");
      assertThat(instances.stream().mapToLong(instance -> runtime.createIncidentQuery()
          .incidentType(DeadlineLedger.INCIDENT_TYPE).processInstanceId(instance).count()).sum()).isEqualTo(DUE - 1);
      long timersRun = breachTimers.stream().mapToLong(job -> history.createHistoricJobLogQuery().jobId(job)
          .successLog().count()).sum();
      assertThat(timersRun).as("breach timers that ran to raise %d breaches", DUE - 1).isLessThan(DUE - 1);
    } finally {
      jdbc.update("UPDATE gs_deadline SET execution_id = ? WHERE id = ?", execution, poisoned);
      instances.forEach(instance -> runtime.deleteProcessInstance(instance, "test done"));
    }
  }

  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(Instant.from(OffsetDateTime.parse(time))));
  }
}
