package cn.govshare.notification;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a non-urgent message may go out: within working hours of a working day of the calendar (调休 Saturdays
 * included, holidays excluded), Asia/Shanghai.
 */
final class WorkingHours {

  /** Looking further than this for a working day means the calendar is broken; send rather than never. */
  private static final int MAX_DAYS_AHEAD = 60;

  private final WorkingCalendar calendar;
  private final LocalTime start;
  private final LocalTime end;

  WorkingHours(WorkingCalendar calendar, LocalTime start, LocalTime end) {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("working hours must start before they end: " + start + "–" + end);
    }
    this.calendar = calendar;
    this.start = start;
    this.end = end;
  }

  /**
   * The first moment at or after {@code at} within working hours; but when that is not before {@code deadline}
   * (the message is about a deadline that falls first), the start of the last working day before the
   * deadline, or {@code at} itself when that has passed.
   */
  Instant deliverAt(Instant at, Instant deadline) {
    Instant next = next(at);
    if (deadline == null || next.isBefore(deadline)) {
      return next;
    }
    Instant lastBefore = lastStartBefore(deadline);
    return lastBefore != null && lastBefore.isAfter(at) ? lastBefore : at;
  }

  boolean within(Instant at) {
    ZonedDateTime local = at.atZone(Zones.SHANGHAI);
    LocalTime time = local.toLocalTime();
    return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
  }

  private Instant next(Instant at) {
    if (within(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(Zones.SHANGHAI);
    LocalDate day = local.toLocalTime().isBefore(start) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        return startOf(day);
      }
    }
    return at;
  }

  /** The start of working hours of the last working day whose hours begin before the deadline. */
  private Instant lastStartBefore(Instant deadline) {
    LocalDate day = deadline.atZone(Zones.SHANGHAI).toLocalDate();
    for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.minusDays(1)) {
      if (calendar.isWorkingDay(day) && startOf(day).isBefore(deadline)) {
        return startOf(day);
      }
    }
    return null;
  }

  private Instant startOf(LocalDate day) {
    return day.atTime(start).atZone(Zones.SHANGHAI).toInstant();
  }
}
