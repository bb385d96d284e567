package cn.govshare.calendar;

import java.time.LocalDate;

/** One day: its kind, the holiday name where a notice gives one, and whether only weekend fallback applied. */
public record Day(LocalDate date, DayKind kind, String name, boolean fallback) {

  public boolean workingDay() {
    return kind.working();
  }
}
