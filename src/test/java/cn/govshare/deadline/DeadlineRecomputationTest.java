package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.calendar.RunTimeYears;
import cn.govshare.calendar.DayKind;
import cn.govshare.calendar.OfficialDay;
import cn.govshare.notification.Notifications;
import cn.govshare.calendar.WorkingCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** SPEC §3: a deadline computed on the weekends-only fallback moves when the year's notice is loaded. */
@GovShareTest
class DeadlineRecomputationTest {

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  DeadlineRecomputation recomputation;

  @Autowired
  DeadlineMapper mapper;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  Notifications notifications;

  @Autowired
  Deadlines deadlines;

  @Autowired
  ApplicationContext context;

  @LocalServerPort
  int port;

  private List<OfficialDay> shipped;
  private String probe;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void restore() {
    if (shipped != null) {
      calendar.replace(shipped);
    }
    if (probe != null) {
      runtime.deleteProcessInstance(probe, "test finished");
      RunTimeYears.forget(context, 2027);
    }
    ClockUtil.reset();
  }

  /** Issue 21's proof: in December 2026 the 2027 notice, pasted and applied, moves deadlines and ends DEGRADED. */
  @Test
  void applyingThe2027NoticeMovesAnOpenDeadlineReachingInto2027AndTurnsCalendarHealthUp() throws IOException {
    ApiClient admin = ApiClient.as(port, "admin");
    assertThat(admin.put("/api/admin/clock", Map.of("now", "2026-12-24T10:00:00+08:00")).status()).isEqualTo(200);
    assertThat(calendarHealth()).isEqualTo("DEGRADED");
    probe = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "notice-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(probe).singleResult();
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
        .isEqualTo(date("2027-01-09T00:00:00+08:00"));
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

  @Test
  void deadlineComputedWithout2026DataMovesPastSpringFestivalWhen2026IsLoaded() {
    shipped = List.copyOf(calendar.officialDays());
    calendar.replace(shipped.stream().filter(day -> day.noticeYear() != 2026).toList());
    ClockUtil.setCurrentTime(date("2026-02-10T10:00:00+08:00"));
    String instance = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "recompute-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    DeadlineRecord before = mapper.findByTask(task.getId());
    // weekends only: 02-11 .. 02-24 holds 10 weekdays
    assertThat(before.fallback()).isTrue();
    assertThat(before.dueDate()).isEqualTo(LocalDate.of(2026, 2, 24));

    calendar.replace(shipped);
    assertThat(recomputation.recompute(Set.of(2026))).isPositive();

    // Spring Festival 02-15..02-23 off, make-up Saturdays 02-14 and 02-28 count: the 10th WD is 03-02
    DeadlineRecord after = mapper.findByTask(task.getId());
    assertThat(after.fallback()).isFalse();
    assertThat(after.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    Task moved = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(moved.getDueDate()).isEqualTo(date("2026-03-03T00:00:00+08:00"));
    assertThat(moved.getFollowUpDate()).isEqualTo(date("2026-02-28T00:00:00+08:00"));
    List<Date> timers = management.createJobQuery().processInstanceId(instance).list().stream()
        .map(Job::getDuedate).sorted().toList();
    assertThat(timers).containsExactly(date("2026-02-28T00:00:00+08:00"), date("2026-03-03T00:00:00+08:00"));
    List<DeadlineChange> changes = mapper.changes(after.id());
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.oldDueDate()).isEqualTo(LocalDate.of(2026, 2, 24));
      assertThat(change.newDueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
      assertThat(change.oldFallback()).isTrue();
      assertThat(change.reason()).contains("2026");
    });
  }

  @Test
  void breachesRaisedOnFallbackAcrossThe2027SpringFestivalAreWithdrawnWhenTheYearIsLoaded() {
    shipped = List.copyOf(calendar.officialDays());
    calendar.replace(shipped.stream().filter(day -> day.noticeYear() != 2027).toList());
    ClockUtil.setCurrentTime(date("2027-02-01T10:00:00+08:00"));
    String stillOpen = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "withdraw-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    String completed = runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "withdraw-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
    Task open = tasks.createTaskQuery().processInstanceId(stillOpen).singleResult();
    Task done = tasks.createTaskQuery().processInstanceId(completed).singleResult();
    long openId = mapper.findByTask(open.getId()).id();
    long doneId = mapper.findByTask(done.getId()).id();
    // weekends only: 02-02 .. 02-15 holds 10 weekdays, the Spring Festival week counted as working
    assertThat(mapper.findById(openId).dueDate()).isEqualTo(LocalDate.of(2027, 2, 15));
    assertThat(mapper.findById(openId).fallback()).isTrue();

    ClockUtil.setCurrentTime(date("2027-02-16T10:00:00+08:00"));
    // the breach timers fire through the job executor, as in production
    DeadlineAcceptanceTest.await(() -> "BREACHED".equals(mapper.findById(openId).state())
        && "BREACHED".equals(mapper.findById(doneId).state())
        && management.createJobQuery().processInstanceId(completed).list().stream()
            .noneMatch(job -> !job.getDuedate().after(date("2027-02-16T10:00:00+08:00"))));
    assertThat(mapper.findById(openId).state()).isEqualTo("BREACHED");
    assertThat(runtime.createIncidentQuery().processInstanceId(stillOpen).count()).isEqualTo(1);
    ClockUtil.setCurrentTime(date("2027-02-17T10:00:00+08:00"));
    tasks.complete(done.getId());
    assertThat(mapper.findById(doneId).state()).isEqualTo("LATE");

    // test data for 2027 (the notice is not in the shipped data): Spring Festival holidays 02-08 .. 02-12
    List<OfficialDay> with2027 = new java.util.ArrayList<>(shipped);
    for (int day = 8; day <= 12; day++) {
      with2027.add(new OfficialDay(2027, LocalDate.of(2027, 2, day), DayKind.HOLIDAY, "春节"));
    }
    calendar.replace(with2027);
    assertThat(recomputation.recompute(Set.of(2027))).isEqualTo(2);

    // real calendar: 02-02..02-05 and 02-15..02-22 make 10 working days: due 02-22, neither was a breach
    DeadlineRecord reopened = mapper.findById(openId);
    assertThat(reopened.state()).isEqualTo("OPEN");
    assertThat(reopened.dueDate()).isEqualTo(LocalDate.of(2027, 2, 22));
    assertThat(reopened.breachedAt()).isNull();
    assertThat(reopened.fallback()).isFalse();
    assertThat(runtime.createIncidentQuery().processInstanceId(stillOpen).count()).isZero();
    assertThat(tasks.createTaskQuery().taskId(open.getId()).singleResult().getDueDate())
        .isEqualTo(date("2027-02-23T00:00:00+08:00"));
    assertThat(management.createJobQuery().processInstanceId(stillOpen).list().stream().map(Job::getDuedate))
        .contains(date("2027-02-23T00:00:00+08:00"));
    DeadlineRecord met = mapper.findById(doneId);
    assertThat(met.state()).isEqualTo("MET");
    assertThat(met.breachedAt()).isNull();
    assertThat(met.workingDaysOverdue()).isNull();
    for (long id : List.of(openId, doneId)) {
      assertThat(notifications.about(DeadlineLedger.REF_TYPE, String.valueOf(id)))
          .anyMatch(n -> n.category().equals(DeadlineRecomputation.CATEGORY_WITHDRAWN)
              && n.recipient().equals("general-office") && n.subject().contains("超期撤销"));
      assertThat(mapper.changes(id)).anyMatch(change -> change.reason().contains("超期撤销"));
    }
    // a second load changes nothing: the withdrawal is done once
    assertThat(recomputation.recompute(Set.of(2027))).isZero();
  }

  private static Date date(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }

  /** Issue 20: a deadline counted without a year's holiday notice says so, in Chinese, wherever it is shown. */
  @Test
  void deadlineReachingInto2027WithoutItsNoticeIsProvisionalUntilTheYearIsLoaded() {
    shipped = List.copyOf(calendar.officialDays());
    calendar.replace(shipped.stream().filter(day -> day.noticeYear() != 2027).toList());
    // received Monday 2026-12-21: the 10th working day falls in January 2027, 元旦 counted as a working day
    String instance = startProbe("2026-12-21T10:00:00+08:00");

    DeadlineView counted = deadlines.forProcessInstance(instance).get(0);
    assertThat(counted.provisional()).isTrue();
    assertThat(counted.provisionalReason()).isEqualTo("该期限所涉年份（2027年）节假日安排尚未载入，期限为暂定");
    assertThat(counted.dueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(counted.dueText()).isEqualTo("2027年1月4日（星期一）前");

    List<OfficialDay> with2027 = new ArrayList<>(shipped);
    with2027.add(new OfficialDay(2027, LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"));
    calendar.replace(with2027);
    recomputation.recompute(Set.of(2027));

    DeadlineView recounted = deadlines.forProcessInstance(instance).get(0);
    assertThat(recounted.provisional()).isFalse();
    assertThat(recounted.provisionalReason()).isNull();
    assertThat(recounted.dueText()).isEqualTo("2027年1月5日（星期二）前");
  }

  @Test
  void deadlineInsideALoadedYearIsNotProvisional() {
    // received Thursday 2025-09-25: the National Day week 10-01..10-08 is skipped, make-up Saturday 09-28 counts
    String instance = startProbe("2025-09-25T10:00:00+08:00");

    DeadlineView counted = deadlines.forProcessInstance(instance).get(0);
    assertThat(counted.provisional()).isFalse();
    assertThat(counted.provisionalReason()).isNull();
    assertThat(counted.dueText()).isEqualTo("2025年10月15日（星期三）前");
  }

  private String startProbe(String receivedAt) {
    ClockUtil.setCurrentTime(date(receivedAt));
    return runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "provisional-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
  }
}
