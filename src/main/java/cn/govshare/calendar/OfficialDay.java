package cn.govshare.calendar;

import java.time.LocalDate;

/** A date a State Council notice lists: a holiday, or a weekend day declared a working day (调休上班). */
public record OfficialDay(int noticeYear, LocalDate date, DayKind kind, String name) {

  public OfficialDay {
    if (kind != DayKind.HOLIDAY && kind != DayKind.MAKEUP_WORKDAY) {
      throw new IllegalArgumentException("a notice lists holidays and make-up workdays only: " + kind);
    }
  }
}
