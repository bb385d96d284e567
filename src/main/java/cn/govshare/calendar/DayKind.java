package cn.govshare.calendar;

/** What a day is under the State Council notices (SPEC §3). */
public enum DayKind {
  WORKDAY, WEEKEND, HOLIDAY, MAKEUP_WORKDAY;

  public boolean working() {
    return this == WORKDAY || this == MAKEUP_WORKDAY;
  }
}
