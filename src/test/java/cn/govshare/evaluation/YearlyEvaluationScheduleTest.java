package cn.govshare.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.policy.ActivePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the yearly evaluation starts and when self-reports are due, counted on the official calendar. */
class YearlyEvaluationScheduleTest {

  private static final Clock JANUARY_2026 = Clock.fixed(Instant.parse("2026-01-01T04:00:00Z"), ZoneOffset.UTC);

  private static YearlyEvaluationSchedule schedule(String profile) {
    return new YearlyEvaluationSchedule(WorkingCalendar.official(JANUARY_2026), new ActivePolicy(profile),
        JANUARY_2026);
  }

  @Test
  void evaluationStartsOnTheMakeupSundayAfterTheNewYearHoliday2026() {
    // 2026-01-01..03 元旦 holiday; 2026-01-04 is a Sunday made a working day (调休上班)
    assertThat(schedule("county").firstWorkingDayOfJanuary(2026)).isEqualTo(LocalDate.of(2026, 1, 4));
    // 2025: 1 January holiday, 2 January a Thursday
    assertThat(schedule("county").firstWorkingDayOfJanuary(2025)).isEqualTo(LocalDate.of(2025, 1, 2));
  }

  @Test
  void countyReportsByTheEndOfJanuaryMovedPastTheWeekend() {
    // county 19: 1月底前; 2026-01-31 is a Saturday, 02-01 a Sunday: the period ends at 24:00 on Monday 02-02
    YearlyEvaluationSchedule.ReportDue due = schedule("county").reportDue(2026);
    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2026, 2, 2));
    assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-02-02T16:00:00Z"));
    assertThat(due.citation()).contains("第十九条").contains("顺延至 2026-02-02").contains("第二百零三条");
  }

  @Test
  void aWorkingLastDayOfJanuaryIsTheDueDateItself() {
    // 2025-01-31 is a Friday but in the Spring Festival holiday (01-28..02-04): due Wednesday 02-05
    assertThat(schedule("county").reportDue(2025).dueDate()).isEqualTo(LocalDate.of(2025, 2, 5));
    // 2024-01-31 is a Wednesday, a working day
    assertThat(schedule("county").reportDue(2024).dueDate()).isEqualTo(LocalDate.of(2024, 1, 31));
  }

  @Test
  void profilesWithoutADateTakeTheBaselineAndSaySo() {
    for (String profile : new String[] {"jinan", "hubei", "shaoyang", "nanchang", "national"}) {
      YearlyEvaluationSchedule.ReportDue due = schedule(profile).reportDue(2026);
      assertThat(due.dueDate()).as(profile).isEqualTo(LocalDate.of(2026, 2, 2));
      assertThat(due.citation()).as(profile).contains("未规定, 采用基线").contains("第十九条");
    }
    assertThat(schedule("jinan").reportDue(2026).citation()).contains("济南");
  }
}
