package cn.govshare.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R27 statistics as JSON and as CSV for spreadsheets (UTF-8 with BOM, so Excel reads the Chinese).
 * {@code from}/{@code to}: ISO dates or months (2025-10); default the last twelve months.
 */
@Tag(name = "办理时限")
@RestController
class StatisticsController {

  private static final String CSV_HEADER = "部门代码,部门,月份,办结数,办理工作日中位数,按时办结率,超期数";

  private final DeadlineStatistics statistics;
  private final Clock clock;

  StatisticsController(DeadlineStatistics statistics, Clock clock) {
    this.statistics = statistics;
    this.clock = clock;
  }

  record Report(LocalDate from, LocalDate to, List<DeadlineStatistics.Row> rows) {
  }

  @Operation(operationId = "getStatistics", summary = "授权办理情况统计（R27）")
  @GetMapping("/api/statistics")
  Report json(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String dept) {
    return report(caller, from, to, dept);
  }

  @Operation(operationId = "getStatisticsCsv", summary = "授权办理情况统计（CSV）")
  @GetMapping(value = "/api/statistics.csv")
  ResponseEntity<byte[]> csv(Caller caller, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String dept) {
    Report report = report(caller, from, to, dept);
    StringBuilder csv = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
    for (DeadlineStatistics.Row row : report.rows()) {
      csv.append(cell(row.department())).append(',').append(cell(row.departmentName())).append(',')
          .append(row.month()).append(',').append(row.handled()).append(',')
          .append(row.medianWorkingDays() == null ? "" : row.medianWorkingDays()).append(',')
          .append(row.onTimeRate() == null ? "" : row.onTimeRate()).append(',')
          .append(row.breaches()).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"statistics-" + report.from() + "-" + report.to() + ".csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Report report(Caller caller, String fromText, String toText, String dept) {
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    LocalDate to = toText == null || toText.isBlank() ? today : parse("to", toText, true);
    LocalDate from = fromText == null || fromText.isBlank() ? to.minusMonths(11).withDayOfMonth(1)
        : parse("from", fromText, false);
    if (from.isAfter(to)) {
      throw ApiException.badRequest("to", "to 不能早于 from");
    }
    if (from.plusYears(10).isBefore(to)) {
      throw ApiException.badRequest("from", "统计区间最长 10 年");
    }
    String department = DeadlineAccess.scope(caller, dept == null || dept.isBlank() ? null : dept.trim());
    return new Report(from, to, statistics.compute(from, to, department));
  }

  private static LocalDate parse(String field, String text, boolean endOfMonth) {
    try {
      if (text.length() == 7) {
        YearMonth month = YearMonth.parse(text);
        return endOfMonth ? month.atEndOfMonth() : month.atDay(1);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, field + " 须为日期 (2025-10-01) 或月份 (2025-10): " + text);
    }
  }

  /** CSV cell: quoted when needed; a leading =,+,-,@ is neutralised against spreadsheet formula injection. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
