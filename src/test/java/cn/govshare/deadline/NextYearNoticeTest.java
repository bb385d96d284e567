package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.RunTimeYears;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Issue 21's proof: in December 2026 the 2027 notice, pasted and applied, moves deadlines and ends DEGRADED. */
@GovShareTest
class NextYearNoticeTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  DeadlineMapper mapper;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  String instance;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void restore() {
    if (instance != null) {
      runtime.deleteProcessInstance(instance, "test finished");
    }
    ApiClient.as(port, "admin").delete("/api/admin/clock");
    RunTimeYears.forget(context, 2027);
  }

  @Test
  void applyingThe2027NoticeMovesAnOpenDeadlineReachingInto2027AndTurnsCalendarHealthUp() throws IOException {
    ApiClient admin = ApiClient.as(port, "admin");
    assertThat(admin.put("/api/admin/clock", Map.of("now", "2026-12-24T10:00:00+08:00")).status()).isEqualTo(200);
    assertThat(calendarHealth()).isEqualTo("DEGRADED");
    instance = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "notice-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    // R13, 10 WD on weekends only: 12-25, 12-28..12-31, 2027-01-01, 01-04..01-07
    DeadlineRecord before = mapper.findByTask(task.getId());
    assertThat(before.dueDate()).isEqualTo(LocalDate.of(2027, 1, 7));
    assertThat(before.fallback()).isTrue();

    byte[] notice;
    try (InputStream in = getClass().getResourceAsStream("/calendar/notices/2027.txt")) {
      notice = in.readAllBytes();
    }
    ApiClient.Response applied = admin.sendBytes("POST", "/api/calendar/notices", notice, "text/plain; charset=UTF-8");
    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    assertThat(applied.json().path("year").asInt()).isEqualTo(2027);

    // 2027-01-01 (元旦, a Friday) is no working day: the tenth is 01-08, ending at 24:00
    DeadlineRecord after = mapper.findByTask(task.getId());
    assertThat(after.dueDate()).isEqualTo(LocalDate.of(2027, 1, 8));
    assertThat(after.fallback()).isFalse();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2027-01-09T00:00:00+08:00").toInstant()));
    assertThat(mapper.changes(after.id())).singleElement().satisfies(change -> {
      assertThat(change.oldDueDate()).isEqualTo(LocalDate.of(2027, 1, 7));
      assertThat(change.reason()).contains("2027");
    });
    assertThat(calendarHealth()).isEqualTo("UP");
  }

  String calendarHealth() {
    return ApiClient.as(port, "admin").get("/actuator/health").json().path("components").path("calendar")
        .path("status").asText();
  }
}
