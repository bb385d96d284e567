package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.GovShareTest;
import cn.govshare.calendar.DayKind;
import cn.govshare.calendar.OfficialDay;
import cn.govshare.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 20: a deadline counted without a year's holiday notice says so, in Chinese, wherever it is shown. */
@GovShareTest
class DeadlineProvisionalTest {

  @Autowired
  WorkingCalendar calendar;

  @Autowired
  DeadlineRecomputation recomputation;

  @Autowired
  Deadlines deadlines;

  @Autowired
  RuntimeService runtime;

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
  void deadlineReachingInto2027WithoutItsNoticeIsProvisionalUntilTheYearIsLoaded() {
    shipped = List.copyOf(calendar.officialDays());
    calendar.replace(shipped.stream().filter(day -> day.noticeYear() != 2027).toList());
    // received Monday 2026-12-21: the 10th working day falls in January 2027, 元旦 counted as a working day
    String instance = start("2026-12-21T10:00:00+08:00");

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
    String instance = start("2025-09-25T10:00:00+08:00");

    DeadlineView counted = deadlines.forProcessInstance(instance).get(0);
    assertThat(counted.provisional()).isFalse();
    assertThat(counted.provisionalReason()).isNull();
    assertThat(counted.dueText()).isEqualTo("2025年10月15日（星期三）前");
  }

  private String start(String receivedAt) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(receivedAt).toInstant()));
    return runtime.startProcessInstanceByKey(DeadlineProbe.KEY, "provisional-" + UUID.randomUUID(),
        Map.of("group", "gaj")).getId();
  }
}
