package cn.govshare.deadline;

import cn.govshare.GovShareApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 25, in its own JVM (the isolated execution): given a job executor that, idle, looks for due jobs only once a
 * minute, when a deadline's breach instant passes, then the breach is raised within seconds, not at the next look.
 */
class TimerAlarmWakeTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aBreachIsRaisedAtItsInstantThoughTheIdleExecutorLooksOnlyOnceAMinute() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovShareApplication.class)
        .profiles("demo", "test").run("--server.port=0", "--spring.jmx.enabled=false",
            "--spring.datasource.url=jdbc:h2:mem:timer-alarm;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.process-engine-name=timeralarm",
            "--camunda.bpm.job-execution.wait-time-in-millis=60000", "--camunda.bpm.job-execution.max-wait=60000")) {
      DeadlineProbe.deploy(app.getBean(RepositoryService.class));
      ClockUtil.setCurrentTime(at("2025-09-26T10:00:00+08:00"));
      String instance = app.getBean(RuntimeService.class)
          .startProcessInstanceByKey(DeadlineProbe.KEY, Map.of("group", "gaj")).getId();
      String task = app.getBean(TaskService.class).createTaskQuery().processInstanceId(instance).singleResult().getId();
      DeadlineMapper deadlines = app.getBean(DeadlineMapper.class);
      long id = deadlines.findByTask(task).id();
      // the acquisition has looked, found nothing due, and sleeps its minute; the alarm has read the timers
      TimerAlarm alarm = app.getBean(TimerAlarm.class);
      DeadlineAcceptanceTest.await(() -> alarm.awaited() != null && alarm.awaited().isBefore(at("2025-10-17T08:00:00+08:00")
          .toInstant()), Duration.ofSeconds(15));
      DeadlineAcceptanceTest.sleep(Duration.ofSeconds(2));

      ClockUtil.setCurrentTime(at("2025-10-17T08:00:00+08:00"));
      DeadlineAcceptanceTest.await(() -> "BREACHED".equals(deadlines.findById(id).state()), Duration.ofSeconds(15));
    }
  }

  private static Date at(String time) {
    return Date.from(Instant.from(OffsetDateTime.parse(time)));
  }
}
