package cn.govshare.statistics;

import cn.govshare.ApiException;
import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The dates a statistic covers, {@code from}..{@code to} inclusive (Asia/Shanghai), given as ISO dates or months
 * (2025-10); default the last twelve months up to {@code today}; at most ten years.
 */
record StatisticsWindow(LocalDate from, LocalDate to) {

  static StatisticsWindow parse(String fromText, String toText, LocalDate today) {
    LocalDate to = toText == null || toText.isBlank() ? today : date("to", toText.strip(), true);
    LocalDate from = fromText == null || fromText.isBlank() ? to.minusMonths(11).withDayOfMonth(1)
        : date("from", fromText.strip(), false);
    if (from.isAfter(to)) {
      throw ApiException.badRequest("to", "to 不能早于 from");
    }
    if (from.plusYears(10).isBefore(to)) {
      throw ApiException.badRequest("from", "统计区间最长 10 年");
    }
    return new StatisticsWindow(from, to);
  }

  Instant start() {
    return from.atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  /** The instant after the window's last day. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  private static LocalDate date(String field, String text, boolean endOfMonth) {
    try {
      if (text.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(text);
        return endOfMonth ? month.atEndOfMonth() : month.atDay(1);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, field + " 须为日期 (2025-10-01) 或月份 (2025-10): " + text);
    }
  }
}
