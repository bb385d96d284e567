package cn.govshare.clock;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A due instant as people read it: the last day on which the step may still be done, "2026年12月3日（星期四）前"
 * for a due instant of 2026-12-04T00:00+08:00 (the date in Asia/Shanghai of one second before the due instant).
 * The applicant page and Tasklist show the same text.
 */
public final class LastDay {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("y年M月d日（EEEE）前", Locale.CHINA);

  private LastDay() {
  }

  public static String of(Instant due) {
    return FORMAT.format(due.minusSeconds(1).atZone(Zones.SHANGHAI));
  }
}
