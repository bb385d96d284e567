package cn.govshare.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A State Council holiday notice as {@link HolidayNoticeReader} read it: the year it names, its title and
 * issue number (文号), the days of each holiday it announces, and every line it could not read. A
 * supplementary notice (补充通知: a holiday extended or rearranged after the year was announced) changes
 * only the holidays it names.
 *
 * @param year null when the text names no year
 */
record HolidayNotice(Integer year, String title, String issueNumber, boolean supplementary, List<Holiday> holidays,
    List<UnreadLine> unread) {

  /**
   * What the notice says of one holiday, or of holidays announced together ("中秋节、国庆节").
   *
   * @param line the first line that names it
   * @param extendedTo set when a supplementary notice only moves the holiday's last day ("延长……假期至2月2日")
   */
  record Holiday(String name, int line, List<LocalDate> days, List<LocalDate> workdays, LocalDate extendedTo) {
  }

  /** A line that looks like part of the schedule but was not read, with why (shown to the administrator). */
  record UnreadLine(int line, String text, String reason) {
  }

  /** One notice year in the shape of one year of cn-holidays.json. */
  record Year(int year, List<Dates> holidays, List<Dates> workdays) {

    record Dates(String name, List<LocalDate> dates) {
    }

    List<OfficialDay> days() {
      List<OfficialDay> days = new ArrayList<>();
      holidays.forEach(h -> h.dates().forEach(d -> days.add(new OfficialDay(year, d, DayKind.HOLIDAY, h.name()))));
      workdays.forEach(w -> w.dates().forEach(d -> days.add(new OfficialDay(year, d, DayKind.MAKEUP_WORKDAY, w.name()))));
      return days;
    }

    private static Year of(int year, Map<String, Group> groups) {
      List<Map.Entry<String, Group>> ordered = groups.entrySet().stream()
          .filter(e -> e.getValue().first() != null)
          .sorted(Comparator.comparing(e -> e.getValue().first())).toList();
      return new Year(year,
          ordered.stream().filter(e -> !e.getValue().days.isEmpty())
              .map(e -> new Dates(e.getKey(), List.copyOf(e.getValue().days))).toList(),
          ordered.stream().filter(e -> !e.getValue().workdays.isEmpty())
              .map(e -> new Dates(e.getKey(), List.copyOf(e.getValue().workdays))).toList());
    }
  }

  /**
   * The notice year once this notice is in force: a notice of the year replaces it whole; a supplementary
   * notice changes in {@code inForce} the holidays it names and keeps the rest.
   */
  Year yearAfter(Collection<OfficialDay> inForce) {
    Map<String, Group> groups = supplementary
        ? groups(inForce.stream().filter(d -> d.noticeYear() == year).toList()) : new LinkedHashMap<>();
    for (Holiday holiday : holidays) {
      if (holiday.extendedTo() != null) {
        Group group = groups.get(holiday.name());
        if (group != null && !group.days.isEmpty()) {
          for (LocalDate day = group.days.last().plusDays(1); !day.isAfter(holiday.extendedTo()); day = day.plusDays(1)) {
            group.days.add(day);
          }
          group.workdays.removeAll(group.days);
        }
      } else {
        Group group = new Group();
        group.days.addAll(holiday.days());
        group.workdays.addAll(holiday.workdays());
        groups.put(holiday.name(), group);
      }
    }
    return Year.of(year, groups);
  }

  /** The unread lines, plus extensions of a holiday that {@code inForce} does not have. */
  List<UnreadLine> unreadAgainst(Collection<OfficialDay> inForce) {
    List<UnreadLine> all = new ArrayList<>(unread);
    for (Holiday holiday : holidays) {
      if (holiday.extendedTo() != null && inForce.stream()
          .noneMatch(d -> d.noticeYear() == year && d.kind() == DayKind.HOLIDAY && d.name().equals(holiday.name()))) {
        all.add(new UnreadLine(holiday.line(), holiday.name(), "现行数据中没有" + year + "年的" + holiday.name() + "，无从延长"));
      }
    }
    all.sort(Comparator.comparingInt(UnreadLine::line));
    return all;
  }

  private static Map<String, Group> groups(List<OfficialDay> days) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (OfficialDay day : days) {
      Group group = groups.computeIfAbsent(day.name(), name -> new Group());
      (day.kind() == DayKind.HOLIDAY ? group.days : group.workdays).add(day.date());
    }
    return groups;
  }

  private static final class Group {
    final TreeSet<LocalDate> days = new TreeSet<>();
    final TreeSet<LocalDate> workdays = new TreeSet<>();

    LocalDate first() {
      TreeSet<LocalDate> all = new TreeSet<>(days);
      all.addAll(workdays);
      return all.isEmpty() ? null : all.first();
    }
  }
}
