package cn.govshare.calendar;

import cn.govshare.clock.Zones;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable working-day data with precomputed ordinals, so that a due date is two array reads
 * (O(1)) instead of a walk over the days. Covers 2000-01-01 .. 2099-12-31; years without a notice
 * count weekends only and are flagged as fallback.
 */
final class CalendarData {

  static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST = LocalDate.of(2099, 12, 31);
  private static final ZoneOffset FIXED_OFFSET = fixedOffset();
  private static final long BASE = FIRST.toEpochDay();
  private static final int LENGTH = (int) (LAST.toEpochDay() - BASE + 1);
  /** Every date of the range and the instant it ends, built once: a due date is then array reads only. */
  private static final LocalDate[] DATES = new LocalDate[LENGTH + 1];
  private static final Instant[] ENDS = new Instant[LENGTH + 1];

  static {
    for (int i = 0; i <= LENGTH; i++) {
      DATES[i] = FIRST.plusDays(i);
      ENDS[i] = endOfDay(DATES[i]);
    }
  }

  private final Map<LocalDate, OfficialDay> official;
  private final Set<Integer> coveredYears;
  /** workingThrough[i]: working days in [FIRST, FIRST + i] inclusive. */
  private final int[] workingThrough;
  /** dayOfOrdinal[k]: index of the k-th working day (k from 1). */
  private final int[] dayOfOrdinal;
  /** fallbackThrough[i]: days of uncovered years in [FIRST, FIRST + i]. */
  private final int[] fallbackThrough;

  CalendarData(Collection<OfficialDay> days, Set<Integer> coveredYears) {
    Map<LocalDate, OfficialDay> byDate = new HashMap<>();
    for (OfficialDay day : days) {
      byDate.put(day.date(), day);
    }
    this.official = Map.copyOf(byDate);
    this.coveredYears = Set.copyOf(new TreeSet<>(coveredYears));
    int length = LENGTH;
    workingThrough = new int[length];
    fallbackThrough = new int[length];
    int[] ordinals = new int[length + 1];
    int working = 0;
    int fallback = 0;
    for (int i = 0; i < length; i++) {
      LocalDate date = FIRST.plusDays(i);
      if (kindOf(date).working()) {
        working++;
        ordinals[working] = i;
      }
      if (!this.coveredYears.contains(date.getYear())) {
        fallback++;
      }
      workingThrough[i] = working;
      fallbackThrough[i] = fallback;
    }
    dayOfOrdinal = Arrays.copyOf(ordinals, working + 1);
  }

  Set<Integer> coveredYears() {
    return coveredYears;
  }

  Collection<OfficialDay> officialDays() {
    return official.values();
  }

  Day day(LocalDate date) {
    OfficialDay listed = official.get(date);
    boolean fallback = !coveredYears.contains(date.getYear());
    return new Day(date, kindOf(date), listed == null ? null : listed.name(), fallback && listed == null);
  }

  boolean isWorkingDay(LocalDate date) {
    return kindOf(date).working();
  }

  /**
   * The n-th working day strictly after the day {@code epochDay} (for n = 0 that day itself), with the
   * fallback flag of the days counted: epoch-day arithmetic and array reads only, the hot path of every
   * due date. {@code n} is already checked.
   */
  Due due(long epochDay, int n) {
    long index = epochDay - BASE;
    if (index < 0 || index >= LENGTH) {
      throw new IllegalArgumentException(
          "start outside " + FIRST + ".." + LAST + ": " + LocalDate.ofEpochDay(epochDay));
    }
    int i = (int) index;
    if (n == 0) {
      return new Due(DATES[i], ENDS[i], !coveredYears.contains(DATES[i].getYear()));
    }
    int target = workingThrough[i] + n;
    if (target >= dayOfOrdinal.length) {
      throw new IllegalArgumentException("due date beyond " + LAST);
    }
    int dueIndex = dayOfOrdinal[target];
    return new Due(DATES[dueIndex], ENDS[dueIndex], fallbackThrough[dueIndex] - fallbackThrough[i] > 0);
  }

  /** 24:00 Asia/Shanghai of {@code day}: arithmetic while the zone keeps one offset over the range (hot path). */
  static Instant endOfDay(LocalDate day) {
    if (FIXED_OFFSET != null) {
      return Instant.ofEpochSecond((day.toEpochDay() + 1) * 86_400L - FIXED_OFFSET.getTotalSeconds());
    }
    return day.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant();
  }

  /** The Asia/Shanghai date of an instant, by the same fast path. */
  static LocalDate dateOf(Instant instant) {
    return LocalDate.ofEpochDay(epochDayOf(instant));
  }

  /** The Asia/Shanghai date of an instant as an epoch day, without building the date. */
  static long epochDayOf(Instant instant) {
    if (FIXED_OFFSET != null) {
      return Math.floorDiv(instant.getEpochSecond() + FIXED_OFFSET.getTotalSeconds(), 86_400L);
    }
    return instant.atZone(Zones.SHANGHAI).toLocalDate().toEpochDay();
  }

  /**
   * China has kept +08:00 without daylight saving since 1991; if the time-zone database ever adds a
   * transition inside the calendar's range, conversions go through the zone rules again.
   */
  private static ZoneOffset fixedOffset() {
    ZoneRules rules = Zones.SHANGHAI.getRules();
    Instant first = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant last = LAST.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    ZoneOffsetTransition next = rules.nextTransition(first);
    return next == null || next.getInstant().isAfter(last) ? rules.getOffset(first) : null;
  }

  /** Working days strictly after {@code a} up to and including {@code b}; negative when b is before a. */
  int workingDaysBetween(LocalDate a, LocalDate b) {
    if (!inRange(a) || !inRange(b)) {
      throw new IllegalArgumentException("date outside " + FIRST + ".." + LAST);
    }
    return workingThrough[index(b)] - workingThrough[index(a)];
  }

  boolean fallbackBetween(LocalDate a, LocalDate b) {
    return fallbackThrough[index(b)] - fallbackThrough[index(a)] > 0;
  }

  static boolean inRange(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  private DayKind kindOf(LocalDate date) {
    OfficialDay listed = official.get(date);
    if (listed != null) {
      return listed.kind();
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
  }

  private static int index(LocalDate date) {
    return (int) (date.toEpochDay() - BASE);
  }
}
