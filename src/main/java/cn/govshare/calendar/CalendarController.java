package cn.govshare.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "工作日历", description = "节假日和调休安排，工作日期限计算（SPEC §3）")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingCalendar calendar;
  private final CalendarAdministration administration;
  private final CalendarMapper mapper;
  private final HolidayNotices notices;

  CalendarController(WorkingCalendar calendar, CalendarAdministration administration, CalendarMapper mapper,
      HolidayNotices notices) {
    this.calendar = calendar;
    this.administration = administration;
    this.mapper = mapper;
    this.notices = notices;
  }

  @Operation(operationId = "getCalendarDay", summary = "某一天是否工作日")
  @GetMapping("/days/{date}")
  Map<String, Object> day(@PathVariable String date, Caller caller) {
    return view(calendar.dayKind(date(date)));
  }

  /** SPEC §3: "within N working days from receipt at start" ends at 24:00 of the N-th working day after it. */
  @Operation(operationId = "computeDue", summary = "计算 N 个工作日后的期限")
  @GetMapping("/due")
  Map<String, Object> due(@RequestParam String start, @RequestParam int workingDays, Caller caller) {
    OffsetDateTime received;
    try {
      received = OffsetDateTime.parse(start);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("start", "start 须为带时区的 ISO 日期时间，如 2025-09-26T10:00:00+08:00");
    }
    if (workingDays < 0 || workingDays > WorkingCalendar.MAX_WORKING_DAYS) {
      throw ApiException.badRequest("workingDays", "workingDays 须在 0.." + WorkingCalendar.MAX_WORKING_DAYS + " 之间");
    }
    if (!CalendarData.inRange(received.atZoneSameInstant(Zones.SHANGHAI).toLocalDate())) {
      throw ApiException.badRequest("start", "start 超出 " + CalendarData.FIRST + ".." + CalendarData.LAST);
    }
    Due due;
    try {
      due = calendar.due(received.toInstant(), workingDays);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("workingDays", "期限超出日历范围: " + e.getMessage());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("start", received);
    answer.put("workingDays", workingDays);
    answer.put("dueDate", due.dueDate());
    answer.put("dueAt", due.dueAt().atZone(Zones.SHANGHAI).toOffsetDateTime());
    answer.put("fallback", due.fallback());
    return answer;
  }

  @Operation(operationId = "listCalendarYears", summary = "已载入节假日安排的年份")
  @GetMapping("/years")
  Map<String, Object> years(Caller caller) {
    Set<Integer> imported = new TreeSet<>(mapper.importedYears());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("official", new TreeSet<>(calendar.coveredYears()));
    answer.put("importedAtRunTime", imported);
    answer.put("missing", calendar.missingYears());
    answer.put("fallback", "其他年份只按周末计算（fallback: true）");
    return answer;
  }

  @Operation(operationId = "correctCalendarDay", summary = "更正某一天（管理员）")
  @PutMapping("/days/{date}")
  Map<String, Object> correct(@PathVariable String date, @Valid @RequestBody CalendarAdministration.DayCorrection body,
      Caller caller) {
    return view(administration.correctDay(caller, date(date), body));
  }

  @Operation(operationId = "revertCalendarDay", summary = "撤销对某一天的更正（管理员）")
  @DeleteMapping("/days/{date}")
  Map<String, Object> revert(@PathVariable String date, Caller caller) {
    return view(administration.revertDay(caller, date(date)));
  }

  @Operation(operationId = "importCalendarYear", summary = "载入一年的节假日安排通知（管理员）")
  @PutMapping("/years/{year}")
  Map<String, Object> importYear(@PathVariable int year, @Valid @RequestBody CalendarAdministration.NoticeYear body,
      Caller caller) {
    List<OfficialDay> days = administration.importYear(caller, year, body);
    return Map.of("year", year, "days", days.size());
  }

  /** Issue 21: the notice as plain UTF-8 text; nothing is stored. */
  @Operation(operationId = "previewHolidayNotice", summary = "预览粘贴的节假日安排通知（不保存）")
  @PostMapping("/notices/preview")
  HolidayNotices.Preview previewNotice(@RequestBody(required = false) byte[] notice, Caller caller) {
    return notices.preview(caller, notice);
  }

  /** Issue 21: loads the notice's year; a year that has data only with {@code amend=true}. */
  @Operation(operationId = "applyHolidayNotice", summary = "载入节假日安排通知（管理员）")
  @PostMapping("/notices")
  HolidayNotices.Applied applyNotice(@RequestBody(required = false) byte[] notice,
      @RequestParam(defaultValue = "false") boolean amend, Caller caller) {
    return notices.apply(caller, notice, amend);
  }

  private static LocalDate date(String text) {
    try {
      LocalDate date = LocalDate.parse(text);
      if (!CalendarData.inRange(date)) {
        throw ApiException.badRequest("date", "日期超出 " + CalendarData.FIRST + ".." + CalendarData.LAST);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("date", "日期格式须为 yyyy-MM-dd: " + text);
    }
  }

  private static Map<String, Object> view(Day day) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("date", day.date());
    answer.put("workingDay", day.workingDay());
    answer.put("kind", day.kind());
    answer.put("name", day.name());
    answer.put("fallback", day.fallback());
    return answer;
  }
}
