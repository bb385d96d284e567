package cn.govshare.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline ledger and breach list (SPEC §6, §7, R27, R29). Supervisors, the general office, the
 * leading group, the platform and administrators read every department; a department reads its own.
 */
@Tag(name = "办理时限", description = "时限台账和超期（R27、R29）")
@RestController
class DeadlineController {

  private static final Set<String> BREACH_STATES = Set.of(DeadlineState.BREACHED.name(), DeadlineState.LATE.name());

  private final DeadlineMapper mapper;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Urges urges;

  DeadlineController(DeadlineMapper mapper, WorkingCalendar calendar, Clock clock, Urges urges) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.clock = clock;
    this.urges = urges;
  }

  /** 催办 an open step (issue 23): the applicant department after a share of the period, supervisors any time. */
  @Operation(operationId = "urgeDeadline", summary = "催办一个未办结的环节")
  @PostMapping("/api/deadlines/{id}/urge")
  @ResponseStatus(HttpStatus.CREATED)
  Urge urge(Caller caller, @PathVariable long id) {
    return urges.urge(caller, id);
  }

  @Operation(operationId = "listDeadlines", summary = "分页查询办理时限")
  @GetMapping("/api/deadlines")
  DeadlinePage list(Caller caller, @RequestParam(required = false) String state,
      @RequestParam(required = false) String dept, @RequestParam(required = false) String rule,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return page(caller, states(state), dept, rule, page, size);
  }

  /** Breach report (R27): deadlines breached and still open, and those completed late. */
  @Operation(operationId = "listBreaches", summary = "超期报告：已超期未办结和逾期办结的时限")
  @GetMapping("/api/breaches")
  DeadlinePage breaches(Caller caller, @RequestParam(required = false) String dept,
      @RequestParam(required = false) String rule, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return page(caller, BREACH_STATES, dept, rule, page, size);
  }

  @Operation(operationId = "getDeadline", summary = "查看一条时限及其变更")
  @GetMapping("/api/deadlines/{id}")
  DeadlineJson one(Caller caller, @PathVariable long id) {
    DeadlineRecord deadline = mapper.findById(id);
    if (deadline == null) {
      throw ApiException.notFound("没有时限记录 " + id);
    }
    String scope = DeadlineAccess.scope(caller, null);
    if (scope != null && !scope.equals(deadline.department())) {
      throw ApiException.forbidden("只能查看本部门的时限记录");
    }
    return json(deadline, mapper.changes(id));
  }

  private DeadlinePage page(Caller caller, Set<String> states, String dept, String rule, int page, int size) {
    if (page < 0) {
      throw ApiException.badRequest("page", "page 须 ≥ 0");
    }
    if (size < 1 || size > 200) {
      throw ApiException.badRequest("size", "size 须在 1..200 之间");
    }
    if (rule != null && (rule.isBlank() || rule.length() > 32)) {
      throw ApiException.badRequest("rule", "rule 无效: " + rule);
    }
    String department = DeadlineAccess.scope(caller, blankToNull(dept));
    long total = mapper.count(states, department, rule, null, null);
    List<DeadlineJson> content = mapper.page(states, department, rule, null, null, (long) page * size, size).stream()
        .map(d -> json(d, null)).toList();
    return new DeadlinePage(content, page, size, total, (total + size - 1) / size);
  }

  private DeadlineJson json(DeadlineRecord deadline, List<DeadlineChange> changes) {
    LocalDate end = (deadline.completedAt() != null ? deadline.completedAt() : clock.instant())
        .atZone(Zones.SHANGHAI).toLocalDate();
    LocalDate start = deadline.startedAt().atZone(Zones.SHANGHAI).toLocalDate();
    int elapsed = end.isAfter(start) ? calendar.workingDaysBetween(start, end) : 0;
    return DeadlineJson.of(deadline, DueWording.of(deadline, calendar), elapsed, changes);
  }

  private static Set<String> states(String state) {
    if (state == null || state.isBlank()) {
      return Set.of();
    }
    try {
      return Arrays.stream(state.split(",")).map(String::trim).map(DeadlineState::valueOf).map(Enum::name)
          .collect(Collectors.toSet());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("state", "state 须为 " + Arrays.toString(DeadlineState.values()) + " 之一: " + state);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
