package cn.govshare.catalog;

/** R8, jinan 12: real time, daily, weekly or monthly. */
public enum UpdateCycle {
  REAL_TIME,
  DAILY,
  WEEKLY,
  MONTHLY
}
