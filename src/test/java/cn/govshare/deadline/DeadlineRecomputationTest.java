package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.OfficialDay;
import cn.govshare.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

  private List<OfficialDay> shipped;

  @BeforeAll
  static void deployProbe(@Autowired RepositoryService repository) {
    DeadlineProbe.deploy(repository);
  }

  @AfterEach
  void restore() {
    if (shipped != null) {
      calendar.replace(shipped);
    }
    ClockUtil.reset();
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

  private static Date date(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }
}
