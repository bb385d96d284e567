package cn.govshare.calendar;

import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How every page writes a deadline (issue 20): "2026年12月3日（星期四）前", the last day on which the step may
 * still be done, i.e. the Asia/Shanghai date of one second before the due instant. A period that ends at
 * 24:00 of 3 December (due instant 4 December 00:00) reads "12月3日前", never "12月4日".
 */
public final class DueText {

  private DueText() {
  }

  /** "YYYY年M月D日（星期X）前" for a due instant; null for a step without a limit. */
  public static String lastDay(Instant dueAt) {
    if (dueAt == null) {
      return null;
    }
    LocalDate last = dueAt.minusSeconds(1).atZone(Zones.SHANGHAI).toLocalDate();
    return last.getYear() + "年" + last.getMonthValue() + "月" + last.getDayOfMonth() + "日（"
        + last.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE) + "）前";
  }

  /** The warning shown beside a deadline counted without some year's holiday notice (SPEC §3 fallback). */
  public static String provisionalReason(Collection<Integer> missingYears) {
    String years = missingYears.stream().sorted().map(y -> y + "年").collect(Collectors.joining("、"));
    return "该期限所涉年份（" + years + "）节假日安排尚未载入，期限为暂定";
  }
}
