package cn.govshare.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.ApiException;
import cn.govshare.catalog.CatalogResource;
import cn.govshare.catalog.CatalogService;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * R27 beyond handling: data calls and availability (docs/supervision-evaluation.md). {@code from}/{@code to}: ISO
 * dates or months, inclusive; default the last twelve months.
 */
@Tag(name = "数据调用与可用性统计", description = "R27 统计：数据调用和共享服务可用性")
@RestController
class DataStatisticsController {

  private final DataCallStatistics calls;
  private final AvailabilityStatistics availability;
  private final CatalogService catalog;
  private final Clock clock;

  DataStatisticsController(DataCallStatistics calls, AvailabilityStatistics availability, CatalogService catalog,
      Clock clock) {
    this.calls = calls;
    this.availability = availability;
    this.catalog = catalog;
    this.clock = clock;
  }

  record DataCallReport(LocalDate from, LocalDate to, List<DataCallStatistics.Row> rows) {
  }

  record AvailabilityReport(LocalDate from, LocalDate to, List<AvailabilityStatistics.Row> rows) {
  }

  /** Outage report: {@code from} and {@code to} ISO date-times with offset, e.g. 2026-03-02T09:00:00+08:00. */
  record OutageInput(String resource, String from, String to, String reason) {
  }

  @Operation(operationId = "getDataCallStatistics", summary = "按月、资源和部门统计数据调用")
  @GetMapping("/api/statistics/data-calls")
  DataCallReport dataCalls(Caller caller, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String dept,
      @RequestParam(required = false) String provider, @RequestParam(required = false) String resource) {
    StatisticsWindow window = window(from, to);
    String scope = StatisticsAccess.department(caller, StringUtils.stripToNull(dept));
    String resourceCode = StringUtils.stripToNull(resource);
    return new DataCallReport(window.from(), window.to(),
        calls.rows(window, scope, StringUtils.stripToNull(provider), resourceCode));
  }

  @Operation(operationId = "getAvailability", summary = "共享服务的可用率")
  @GetMapping("/api/statistics/availability")
  AvailabilityReport availability(Caller caller, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String resource) {
    StatisticsWindow window = window(from, to);
    String scope = StatisticsAccess.scope(caller);
    String resourceCode = StringUtils.stripToNull(resource);
    if (resourceCode != null) {
      CatalogResource entry = catalog.find(resourceCode)
          .orElseThrow(() -> ApiException.badRequest("resource", "资源目录中没有 " + resourceCode));
      if (scope != null && !scope.equals(entry.responsibleDepartment())) {
        throw ApiException.forbidden("只能查看本部门资源的可用性");
      }
    }
    return new AvailabilityReport(window.from(), window.to(), availability.rows(window, scope, resourceCode));
  }

  @Operation(operationId = "reportOutage", summary = "提供部门报告服务中断")
  @PostMapping("/api/statistics/outages")
  @ResponseStatus(HttpStatus.CREATED)
  Outage reportOutage(Caller caller, @RequestBody OutageInput input) {
    return availability.reportOutage(caller, input.resource(), instant("from", input.from()),
        instant("to", input.to()), input.reason());
  }

  private StatisticsWindow window(String from, String to) {
    return StatisticsWindow.parse(from, to, LocalDate.now(clock.withZone(Zones.SHANGHAI)));
  }

  private static Instant instant(String field, String text) {
    if (StringUtils.isBlank(text)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field, field + " 须为带时区的时间，如 2026-03-02T09:00:00+08:00");
    }
  }
}
