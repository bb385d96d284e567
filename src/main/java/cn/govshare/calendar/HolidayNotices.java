package cn.govshare.calendar;

import cn.govshare.ApiException;
import cn.govshare.calendar.CalendarAdministration.NamedDates;
import cn.govshare.calendar.CalendarAdministration.NoticeYear;
import cn.govshare.calendar.HolidayNotice.UnreadLine;
import cn.govshare.calendar.HolidayNotice.Year;
import cn.govshare.org.Caller;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;

/**
 * Next year's holidays from the notice itself (issue 21): an administrator pastes the State Council's
 * notice, sees the year it yields and how it differs from the data in force, and applies it. Applying goes
 * through {@link CalendarAdministration} like {@code PUT /api/calendar/years/{year}}: the same checks, the
 * run-time tables, the audit and the recomputation of open deadlines. A year that already has data is
 * changed only when the request says it amends it.
 */
@Service
class HolidayNotices {

  /** A notice is about two thousand characters; anything near this is not a notice. */
  static final int MAX_BYTES = 64 * 1024;

  private final WorkingCalendar calendar;
  private final CalendarAdministration administration;

  HolidayNotices(WorkingCalendar calendar, CalendarAdministration administration) {
    this.calendar = calendar;
    this.administration = administration;
  }

  /** What a day is before and after: kind and holiday name. */
  record DayState(DayKind kind, String name) {
  }

  record Change(LocalDate date, DayState before, DayState after) {
  }

  /**
   * The year in the shape of one year of cn-holidays.json, plus what could not be read and what would change.
   *
   * @param inForce whether the year already has data (applying is then an amendment)
   */
  record Preview(int year, String title, String issueNumber, boolean supplementary, boolean inForce,
      List<Year.Dates> holidays, List<Year.Dates> workdays, List<UnreadLine> unread, List<Change> difference) {
  }

  record Applied(int year, String title, String issueNumber, boolean amendment, int days, List<Change> difference) {
  }

  Preview preview(Caller caller, byte[] body) {
    CalendarAdministration.requireAdmin(caller);
    HolidayNotice notice = read(body);
    List<OfficialDay> inForce = List.copyOf(calendar.officialDays());
    Year year = notice.yearAfter(inForce);
    List<UnreadLine> unread = notice.unreadAgainst(inForce);
    if (year.holidays().isEmpty() && year.workdays().isEmpty() && unread.isEmpty()) {
      throw ApiException.badRequest("notice", "没有读到任何放假安排：请粘贴通知全文（含“一、元旦：……”各条）");
    }
    return new Preview(year.year(), notice.title(), notice.issueNumber(), notice.supplementary(),
        calendar.coveredYears().contains(year.year()), year.holidays(), year.workdays(), unread,
        difference(year, inForce));
  }

  Applied apply(Caller caller, byte[] body, boolean amend) {
    CalendarAdministration.requireAdmin(caller);
    HolidayNotice notice = read(body);
    List<OfficialDay> inForce = List.copyOf(calendar.officialDays());
    List<UnreadLine> unread = notice.unreadAgainst(inForce);
    if (!unread.isEmpty()) {
      throw ApiException.badRequest("notice", "通知有 " + unread.size() + " 行未能读取（第 "
          + unread.stream().map(u -> String.valueOf(u.line())).collect(Collectors.joining("、"))
          + " 行）：请先预览，核对原文后再载入");
    }
    Year year = notice.yearAfter(inForce);
    if (year.holidays().isEmpty()) {
      throw ApiException.badRequest("notice", "没有读到任何节假日，不能载入");
    }
    boolean amendment = calendar.coveredYears().contains(year.year());
    if (amendment && !amend) {
      throw ApiException.conflict("amend", year.year() + " 年已有节假日数据；载入即修订该年，须明确确认（amend=true）");
    }
    List<Change> difference = difference(year, inForce);
    String source = StringUtils.abbreviate(
        "《" + notice.title() + "》" + StringUtils.defaultString(notice.issueNumber()), CalendarAdministration.REASON_LENGTH);
    String detail = source + (amendment ? "; 修订: " + describe(difference) : "");
    List<OfficialDay> days = administration.loadNotice(caller, year.year(),
        new NoticeYear(named(year.holidays()), named(year.workdays()), source), amendment, detail);
    return new Applied(year.year(), notice.title(), notice.issueNumber(), amendment, days.size(), difference);
  }

  private HolidayNotice read(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("notice", "请粘贴通知全文（纯文本，UTF-8）");
    }
    if (body.length > MAX_BYTES) {
      throw ApiException.badRequest("notice", "通知全文不能超过 " + MAX_BYTES + " 字节");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("notice", "通知全文须为 UTF-8 编码的文本");
    }
    HolidayNotice notice = HolidayNoticeReader.read(text);
    if (notice.year() == null) {
      throw ApiException.badRequest("year", "通知中没有读到年份（标题应为“国务院办公厅关于XXXX年部分节假日安排的通知”）");
    }
    if (notice.year() <= CalendarData.FIRST.getYear() || notice.year() > CalendarData.LAST.getYear()) {
      throw ApiException.badRequest("year", "年份超出 " + (CalendarData.FIRST.getYear() + 1) + ".."
          + CalendarData.LAST.getYear() + ": " + notice.year());
    }
    if (notice.supplementary() && !calendar.coveredYears().contains(notice.year())) {
      throw ApiException.badRequest("year", "这是修改 " + notice.year() + " 年安排的补充通知，但该年尚无数据：请先载入该年的通知");
    }
    return notice;
  }

  /** Every date the year lists now or after the notice, with what it is before and after. */
  private List<Change> difference(Year year, Collection<OfficialDay> inForce) {
    Map<LocalDate, OfficialDay> after = year.days().stream()
        .collect(Collectors.toMap(OfficialDay::date, Function.identity()));
    TreeSet<LocalDate> dates = new TreeSet<>(after.keySet());
    inForce.stream().filter(d -> d.noticeYear() == year.year()).map(OfficialDay::date).forEach(dates::add);
    List<Change> changes = new ArrayList<>();
    for (LocalDate date : dates) {
      Day now = calendar.dayKind(date);
      DayState before = new DayState(now.kind(), now.name());
      OfficialDay listed = after.get(date);
      DayState then = listed != null ? new DayState(listed.kind(), listed.name()) : new DayState(plain(date), null);
      if (!before.equals(then)) {
        changes.add(new Change(date, before, then));
      }
    }
    return changes;
  }

  private static DayKind plain(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
        ? DayKind.WEEKEND : DayKind.WORKDAY;
  }

  private static String describe(List<Change> changes) {
    if (changes.isEmpty()) {
      return "无变化";
    }
    return changes.stream().map(c -> c.date() + " " + c.before().kind() + StringUtils.defaultString(c.before().name())
        + "→" + c.after().kind() + StringUtils.defaultString(c.after().name())).collect(Collectors.joining("; "));
  }

  private static List<NamedDates> named(List<Year.Dates> groups) {
    return groups.stream().map(g -> new NamedDates(g.name(), g.dates().stream().map(LocalDate::toString).toList()))
        .toList();
  }
}
