package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GovShareTest
class WorkingDayTimerTest {

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("workingDayTimer").count() == 0) {
      repository.createDeployment().addClasspathResource("bpmn-test/working-day-timer.bpmn").deploy();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date at(String text) {
    return Date.from(OffsetDateTime.parse(text).toInstant());
  }

  @Test
  void threeWorkingDayTimerStartedFridayBeforeNationalDay2025FiresOnTuesday() {
    ClockUtil.setCurrentTime(at("2025-09-26T10:00:00+08:00"));
    String instance = runtime.startProcessInstanceByKey("workingDayTimer", Map.of("wait", "P3WD")).getId();
    Job timer = management.createJobQuery().processInstanceId(instance).singleResult();
    // make-up Sunday 09-28 is working day 1, Monday 09-29 day 2, Tuesday 09-30 day 3
    assertThat(timer.getDuedate()).isEqualTo(at("2025-09-30T10:00:00+08:00"));

    ClockUtil.setCurrentTime(at("2025-09-30T09:59:00+08:00"));
    assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isZero();
    ClockUtil.setCurrentTime(at("2025-09-30T10:01:00+08:00"));
    assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isEqualTo(1);
    try {
      management.executeJob(timer.getId());
    } catch (ProcessEngineException raced) {
      // the job executor saw the moved clock too and fired the timer first (no job, or optimistic locking)
    }
    for (int wait = 0; wait < 300 && tasks.createTaskQuery().processInstanceId(instance).count() == 0; wait++) {
      sleep();
    }

    // the task's due date from ${calendar.due(execution, 5)}: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14
    assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getDueDate())
        .isEqualTo(at("2025-10-15T00:00:00+08:00"));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void ordinaryIsoDurationsKeepWorking() {
    ClockUtil.setCurrentTime(at("2025-09-30T10:00:00+08:00"));
    String instance = runtime.startProcessInstanceByKey("workingDayTimer", Map.of("wait", "PT2H")).getId();
    assertThat(management.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
        .isEqualTo(at("2025-09-30T12:00:00+08:00"));
  }
}
