package cn.govshare.calendar;

import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import cn.govshare.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators correct single days and load a whole notice year (SPEC §3). Every change is
 * validated in full before anything is written, logged with before/after and reason, audited, and
 * announced with {@link CalendarChanged} so open deadlines are recomputed.
 */
@Service
class CalendarAdministration {

  private final CalendarMapper mapper;
  private final CalendarSync sync;
  private final WorkingCalendar calendar;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  CalendarAdministration(CalendarMapper mapper, CalendarSync sync, WorkingCalendar calendar, AuditTrail audit,
      ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.mapper = mapper;
    this.sync = sync;
    this.calendar = calendar;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** gs_calendar_year_day.name, gs_calendar_year.reason. */
  static final int NAME_LENGTH = 64;
  static final int REASON_LENGTH = 500;

  // Lengths of gs_calendar_override / gs_calendar_year_day / gs_calendar_year: longer is refused, never cut.
  record DayCorrection(DayKind kind, @Size(max = 64, message = "不能超过 {max} 个字符") String name,
      @Size(max = 500, message = "不能超过 {max} 个字符") String reason) {
  }

  record NamedDates(@Size(max = 64, message = "不能超过 {max} 个字符") String name,
      @Size(max = 400, message = "最多 {max} 个日期") List<String> dates) {
  }

  record NoticeYear(@Size(max = 100, message = "最多 {max} 组") List<@Valid NamedDates> holidays,
      @Size(max = 100, message = "最多 {max} 组") List<@Valid NamedDates> workdays,
      @Size(max = 500, message = "不能超过 {max} 个字符") String reason) {
  }

  @Transactional
  public Day correctDay(Caller caller, LocalDate date, DayCorrection body) {
    requireAdmin(caller);
    requireRange(date);
    if (body == null || body.kind() == null) {
      throw ApiException.badRequest("kind", "须给出 kind：WORKDAY、WEEKEND、HOLIDAY 或 MAKEUP_WORKDAY");
    }
    if (StringUtils.isBlank(body.reason())) {
      throw ApiException.badRequest("reason", "修改日历须说明理由");
    }
    boolean weekend = isWeekend(date);
    switch (body.kind()) {
      case MAKEUP_WORKDAY -> {
        if (!weekend) {
          throw ApiException.badRequest("kind", "调休上班日必须是周六或周日: " + date);
        }
      }
      case WEEKEND -> {
        if (!weekend) {
          throw ApiException.badRequest("kind", "周一至周五不能设为普通周末；休息请用 HOLIDAY: " + date);
        }
      }
      case WORKDAY -> {
        if (weekend) {
          throw ApiException.badRequest("kind", "周末上班请用 MAKEUP_WORKDAY: " + date);
        }
      }
      case HOLIDAY -> {
        if (StringUtils.isBlank(body.name())) {
          throw ApiException.badRequest("name", "节假日须有名称");
        }
      }
      default -> throw ApiException.badRequest("kind", "未知的日期类型");
    }
    Day before = calendar.dayKind(date);
    mapper.lockVersion();
    mapper.deleteOverride(date);
    mapper.insertOverride(new CalendarOverride(date, body.kind(), StringUtils.stripToNull(body.name()),
        body.reason().strip(), caller.userId(), clock.instant()));
    Day after = commit(caller, "CORRECT", date.toString(), body.reason(), before, Set.of(date.getYear()));
    return after;
  }

  @Transactional
  public Day revertDay(Caller caller, LocalDate date) {
    requireAdmin(caller);
    requireRange(date);
    if (mapper.findOverride(date) == null) {
      throw ApiException.notFound("该日期没有人工修改: " + date);
    }
    Day before = calendar.dayKind(date);
    mapper.lockVersion();
    mapper.deleteOverride(date);
    return commit(caller, "REVERT", date.toString(), "恢复为官方数据", before, Set.of(date.getYear()));
  }

  @Transactional
  public List<OfficialDay> importYear(Caller caller, int year, NoticeYear body) {
    return load(caller, year, body, "IMPORT", "CALENDAR_YEAR_LOADED", StringUtils.defaultString(body == null ? null
        : body.reason()));
  }

  /**
   * Loads a notice year read from the notice's text ({@link HolidayNotices}): the same checks and storage as
   * {@link #importYear}, audited with the notice's title and issue number and, for an amendment, the difference.
   */
  @Transactional
  List<OfficialDay> loadNotice(Caller caller, int year, NoticeYear body, boolean amendment, String auditDetail) {
    return amendment ? load(caller, year, body, "AMEND", "CALENDAR_YEAR_AMENDED", auditDetail)
        : load(caller, year, body, "NOTICE", "CALENDAR_NOTICE_LOADED", auditDetail);
  }

  private List<OfficialDay> load(Caller caller, int year, NoticeYear body, String change, String auditAction,
      String auditDetail) {
    requireAdmin(caller);
    if (year < CalendarData.FIRST.getYear() + 1 || year > CalendarData.LAST.getYear()) {
      throw ApiException.badRequest("year", "年份超出 " + (CalendarData.FIRST.getYear() + 1) + ".."
          + CalendarData.LAST.getYear());
    }
    if (body == null || body.holidays() == null || body.workdays() == null) {
      throw ApiException.badRequest("holidays", "须给出 holidays 和 workdays（与 cn-holidays.json 的一年相同）");
    }
    List<OfficialDay> days = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    Set<Integer> touched = new TreeSet<>(Set.of(year));
    collect(year, body.holidays(), DayKind.HOLIDAY, "holidays", days, seen, touched);
    collect(year, body.workdays(), DayKind.MAKEUP_WORKDAY, "workdays", days, seen, touched);
    String before = describe(calendar.officialDays().stream().filter(d -> d.noticeYear() == year).toList());
    mapper.lockVersion();
    mapper.deleteYearDays(year);
    mapper.deleteYear(year);
    mapper.insertYear(year, caller.userId(), clock.instant(), body.reason());
    days.forEach(mapper::insertYearDay);
    mapper.bumpVersion();
    mapper.insertChange(clock.instant(), caller.userId(), change, String.valueOf(year), body.reason(),
        StringUtils.abbreviate(before, 4000), StringUtils.abbreviate(describe(days), 4000));
    audit.record(caller, auditAction, "CALENDAR", String.valueOf(year), AuditTrail.OK,
        days.size() + " 个日期; " + auditDetail, Set.of());
    sync.reload();
    events.publishEvent(new CalendarChanged(touched));
    return days;
  }

  private void collect(int year, List<NamedDates> groups, DayKind kind, String field, List<OfficialDay> days,
      Set<LocalDate> seen, Set<Integer> touched) {
    LocalDate from = LocalDate.of(year - 1, 12, 1);
    LocalDate to = LocalDate.of(year + 1, 1, 31);
    for (int i = 0; i < groups.size(); i++) {
      NamedDates group = groups.get(i);
      String where = field + "[" + i + "]";
      if (group == null || StringUtils.isBlank(group.name())) {
        throw ApiException.badRequest(where + ".name", "须有节日名称");
      }
      if (group.name().strip().length() > NAME_LENGTH) {
        throw ApiException.badRequest(where + ".name", "节日名称不能超过 " + NAME_LENGTH + " 个字符");
      }
      if (group.dates() == null || group.dates().isEmpty()) {
        throw ApiException.badRequest(where + ".dates", "须列出日期");
      }
      for (String text : group.dates()) {
        LocalDate date;
        try {
          date = LocalDate.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
          throw ApiException.badRequest(where + ".dates", "日期格式须为 yyyy-MM-dd: " + text);
        }
        if (date.isBefore(from) || date.isAfter(to)) {
          throw ApiException.badRequest(where + ".dates", date + " 不属于 " + year + " 年通知的范围（" + from + "～" + to + "）");
        }
        if (kind == DayKind.MAKEUP_WORKDAY && !isWeekend(date)) {
          throw ApiException.badRequest(where + ".dates", "调休上班日必须是周六或周日: " + date);
        }
        if (!seen.add(date)) {
          throw ApiException.badRequest(where + ".dates", date + " 重复出现，或既是假日又是调休上班日");
        }
        touched.add(date.getYear());
        days.add(new OfficialDay(year, date, kind, group.name().strip()));
      }
    }
  }

  private Day commit(Caller caller, String action, String target, String reason, Day before, Set<Integer> years) {
    mapper.bumpVersion();
    sync.reload();
    Day after = calendar.dayKind(before.date());
    mapper.insertChange(clock.instant(), caller.userId(), action, target, reason, write(before), write(after));
    audit.record(caller, "CALENDAR_DAY_" + action, "CALENDAR", target, AuditTrail.OK,
        before.kind() + " → " + after.kind() + "; " + reason, Set.of());
    events.publishEvent(new CalendarChanged(years));
    return after;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }

  private static String describe(List<OfficialDay> days) {
    return days.stream().map(d -> d.date() + " " + d.kind() + " " + d.name()).sorted().reduce((a, b) -> a + "; " + b)
        .orElse("（无）");
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有系统管理员可以修改工作日历");
    }
  }

  private static void requireRange(LocalDate date) {
    if (!CalendarData.inRange(date)) {
      throw ApiException.badRequest("date", "日期超出 " + CalendarData.FIRST + ".." + CalendarData.LAST);
    }
  }
}
