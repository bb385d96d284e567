package cn.govshare.evaluation;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.LimitUnit;
import cn.govshare.policy.TimeLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When the yearly evaluation (R28) runs, for the BPMN's timer expressions: it starts on the first working day of
 * January (counted on the calendar, 调休 included) and departments report by the date the profile sets
 * ({@code R28-REPORT}: "by the end of month <amount>", county 19: the end of January), moved to the next working
 * day when that day is not one (Civil Code art. 203).
 */
@Component("yearlyEvaluationSchedule")
public class YearlyEvaluationSchedule {

  static final String REPORT_RULE = "R28-REPORT";
  /**
   * The start timer wakes the process at noon server time on 1 January (in any time zone that is 1 or 2 January in
   * Asia/Shanghai); the process then waits for the first working day. Quartz fields: s m h day month weekday.
   */
  private static final String NEW_YEAR = "0 0 12 1 1 ?";
  /** Office hours: the self-report tasks appear at 09:00 Asia/Shanghai on the first working day. */
  private static final LocalTime START_OF_DAY = LocalTime.of(9, 0);

  private final WorkingCalendar calendar;
  private final ActivePolicy policy;
  private final Clock clock;

  YearlyEvaluationSchedule(WorkingCalendar calendar, ActivePolicy policy, Clock clock) {
    this.calendar = calendar;
    this.policy = policy;
    this.clock = clock;
  }

  /** The start timer's cycle (a cron expression). */
  public String trigger() {
    return NEW_YEAR;
  }

  /** When the evaluation started in the current Shanghai year begins: its first working day of January, 09:00. */
  public Date firstWorkingDay(VariableScope scope) {
    return Date.from(firstWorkingDayOfJanuary(currentYear()).atTime(START_OF_DAY).atZone(Zones.SHANGHAI).toInstant());
  }

  /** The self-report due instant of the evaluation this process runs (24:00 of the due date). */
  public Date reportDue(VariableScope scope) {
    return Date.from(reportDue(currentYear()).dueAt());
  }

  LocalDate firstWorkingDayOfJanuary(int year) {
    LocalDate day = LocalDate.of(year, 1, 1);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The self-report period's end when the evaluation starts in {@code startYear}. */
  ReportDue reportDue(int startYear) {
    TimeLimit limit = policy.limit(REPORT_RULE);
    if (limit.unit() != LimitUnit.MONTHS) {
      throw new IllegalStateException(REPORT_RULE + " must be counted in MONTHS (by the end of month <amount>)");
    }
    LocalDate last = YearMonth.of(startYear, 1).plusMonths(limit.amount() - 1L).atEndOfMonth();
    LocalDate due = last;
    while (!calendar.isWorkingDay(due)) {
      due = due.plusDays(1);
    }
    Instant dueAt = due.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
    return new ReportDue(due, dueAt, limit.citationText() + (due.equals(last) ? ""
        : "；" + last + " 非工作日，顺延至 " + due + "（《民法典》第二百零三条）"));
  }

  int currentYear() {
    return LocalDate.now(clock.withZone(Zones.SHANGHAI)).getYear();
  }

  /** The last day to report, the instant the period ends and why. */
  record ReportDue(LocalDate dueDate, Instant dueAt, String citation) {
  }
}
