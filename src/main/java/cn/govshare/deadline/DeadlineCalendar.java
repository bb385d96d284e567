package cn.govshare.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** TEMPORARY bridge to the calendar of CONTRACT.md ({@code WorkingCalendar}); removed when branch calendar lands. */
interface DeadlineCalendar {

  Due due(Instant receivedAt, int workingDays);

  boolean isWorkingDay(LocalDate day);

  int workingDaysBetween(LocalDate a, LocalDate b);

  record Due(LocalDate dueDate, Instant dueAt, boolean fallback) {
  }
}
