package cn.govshare.deadline;

import cn.govshare.policy.TimeLimit;

import cn.govshare.calendar.Due;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * When a timed task is due and when its reminder goes out. Pure: the calendar and the limit come in.
 *
 * @param dueDate the last working day (24:00 Asia/Shanghai ends the period), null without a limit
 * @param dueAt the instant the period ends, null without a limit
 * @param remindAt start of the working day before the due day; start of the due day for a 1-WD period
 */
record DeadlineTerms(LocalDate dueDate, Instant dueAt, Instant remindAt, boolean fallback) {

  static final DeadlineTerms NONE = new DeadlineTerms(null, null, null, false);

  static DeadlineTerms compute(TimeLimit limit, Instant start, int extensionDays,
      WorkingCalendar calendar) {
    Due due = switch (limit.unit()) {
      case NONE, YEARS -> null;
      case WORKING_DAYS -> calendar.due(start, limit.amount() + extensionDays);
      case MONTHS -> monthsLater(start, limit.amount(), extensionDays, calendar);
    };
    if (due == null) {
      return NONE;
    }
    LocalDate startDate = start.atZone(Zones.SHANGHAI).toLocalDate();
    return new DeadlineTerms(due.dueDate(), due.dueAt(), reminderAt(startDate, due.dueDate(), calendar::isWorkingDay),
        due.fallback());
  }

  /**
   * SPEC §7: one working day before the due day, never on a non-working day. The period ends at 24:00
   * of the due day, so the reminder opens the last working day before it; when no working day lies
   * between receipt and the due day (a 1-WD period) it opens the due day itself.
   */
  static Instant reminderAt(LocalDate startDate, LocalDate dueDate, Predicate<LocalDate> isWorkingDay) {
    LocalDate day = dueDate.minusDays(1);
    while (day.isAfter(startDate) && !isWorkingDay.test(day)) {
      day = day.minusDays(1);
    }
    LocalDate reminderDay = day.isAfter(startDate) ? day : dueDate;
    return reminderDay.atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  /** R7 counts in months (Civil Code art. 201-203): same day N months later, moved to a working day. */
  private static Due monthsLater(Instant start, int months, int extensionDays,
      WorkingCalendar calendar) {
    LocalDate day = start.atZone(Zones.SHANGHAI).toLocalDate().plusMonths(months);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    if (extensionDays > 0) {
      return calendar.due(day.atStartOfDay(Zones.SHANGHAI).toInstant(), extensionDays);
    }
    return new Due(day, day.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant(), false);
  }

  boolean sameDueAs(DeadlineRecord record) {
    return java.util.Objects.equals(dueAt, record.dueAt()) && fallback == record.fallback();
  }
}
