package cn.govshare.calendar;

import cn.govshare.clock.Zones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chinese working days (SPEC §3): Monday to Friday unless an official holiday, plus weekend days a
 * notice makes working days (调休上班). Counting follows Civil Code art. 201 and 203: the day of receipt
 * does not count, the period ends at 24:00 of the last working day, Asia/Shanghai.
 */
public class WorkingCalendar {

  /** No time limit in any regulation comes near this; larger inputs are mistakes. */
  public static final int MAX_WORKING_DAYS = 3650;

  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

  private final Clock clock;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
  private volatile CalendarData data;

  public WorkingCalendar(Clock clock, Collection<OfficialDay> days) {
    this.clock = clock;
    replace(days);
  }

  /** The calendar with the shipped official data only. */
  public static WorkingCalendar official(Clock clock) {
    return new WorkingCalendar(clock, OfficialData.shipped());
  }

  /** Replaces all data at once; covered years are the notice years present. */
  public void replace(Collection<OfficialDay> days) {
    replace(days, days.stream().map(OfficialDay::noticeYear).collect(Collectors.toCollection(TreeSet::new)));
  }

  /** Replaces all data at once, with the notice years that count as official (not fallback). */
  public void replace(Collection<OfficialDay> days, Set<Integer> coveredYears) {
    data = new CalendarData(days, coveredYears);
    warnedYears.clear();
  }

  public Day dayKind(LocalDate date) {
    requireInRange(date, "date");
    Day day = data.day(date);
    if (day.fallback()) {
      warnFallback(date.getYear());
    }
    return day;
  }

  public boolean isWorkingDay(LocalDate date) {
    requireInRange(date, "date");
    return data.isWorkingDay(date);
  }

  /** "Within N working days from receipt at t": the end of the N-th working day strictly after t's date. */
  public Due due(Instant receivedAt, int workingDays) {
    return dueAfter(CalendarData.epochDayOf(receivedAt), workingDays);
  }

  /** Moves a due date by n more working days (an approved extension). */
  public Due extend(Due due, int workingDays) {
    Due extended = dueAfter(due.dueDate().toEpochDay(), workingDays);
    return new Due(extended.dueDate(), extended.dueAt(), extended.fallback() || due.fallback());
  }

  /** Working days strictly after {@code a} up to and including {@code b} (negative when b is before a). */
  public int workingDaysBetween(LocalDate a, LocalDate b) {
    requireInRange(a, "a");
    requireInRange(b, "b");
    return data.workingDaysBetween(a, b);
  }

  /** Notice years with official data. */
  public Set<Integer> coveredYears() {
    return data.coveredYears();
  }

  /** Years from {@code from} to {@code to} (inclusive) without official data: a deadline over them is provisional. */
  public List<Integer> uncoveredYears(LocalDate from, LocalDate to) {
    Set<Integer> covered = data.coveredYears();
    return IntStream.rangeClosed(from.getYear(), to.getYear()).filter(year -> !covered.contains(year)).boxed().toList();
  }

  /** Years that are needed now and have no data: this year, and from 1 December the next one. */
  public List<Integer> missingYears() {
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    Set<Integer> needed = new TreeSet<>(Set.of(today.getYear()));
    if (today.getMonthValue() == 12) {
      needed.add(today.getYear() + 1);
    }
    needed.removeAll(data.coveredYears());
    return List.copyOf(needed);
  }

  public Collection<OfficialDay> officialDays() {
    return data.officialDays();
  }

  private Due dueAfter(long startEpochDay, int workingDays) {
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException("workingDays must be 0.." + MAX_WORKING_DAYS + ": " + workingDays);
    }
    Due due = data.due(startEpochDay, workingDays);
    if (due.fallback()) {
      warnFallback(due.dueDate().getYear());
    }
    return due;
  }

  private void warnFallback(int year) {
    if (warnedYears.add(year)) {
      LOG.warn("working-day calendar: no official holiday data around {}, counting weekends only (fallback); "
          + "paste the year's notice at /calendar/ (or PUT /api/calendar/years/{year})", year);
    }
  }

  private static void requireInRange(LocalDate date, String name) {
    if (!CalendarData.inRange(date)) {
      throw new IllegalArgumentException(name + " outside " + CalendarData.FIRST + ".." + CalendarData.LAST + ": " + date);
    }
  }
}
