package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govshare.clock.Zones;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), Zones.SHANGHAI);
  final WorkingCalendar calendar = WorkingCalendar.official(NOV_2026);

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void tenWorkingDaysFromFridayBeforeNationalDay2025CountMakeupSundayAndSaturday() {
    Due due = calendar.due(at("2025-09-26T10:00:00+08:00"), 10);
    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));
    assertThat(due.dueAt()).isEqualTo(at("2025-10-17T00:00:00+08:00"));
    assertThat(due.fallback()).isFalse();
    assertThat(calendar.dayKind(LocalDate.of(2025, 9, 28)).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
    assertThat(calendar.dayKind(LocalDate.of(2025, 10, 11)).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
    assertThat(calendar.dayKind(LocalDate.of(2025, 10, 8)).name()).isEqualTo("国庆节、中秋节");
  }

  @Test
  void dueDateSkipsSpringFestival2024AndCountsMakeupSunday() {
    // 2024: 2-10..2-17 off, Sunday 2-18 worked; Friday 2-9 an ordinary working day
    assertThat(calendar.due(at("2024-02-08T09:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2024, 2, 9));
    assertThat(calendar.due(at("2024-02-08T09:00:00+08:00"), 2).dueDate()).isEqualTo(LocalDate.of(2024, 2, 18));
    assertThat(calendar.due(at("2024-02-08T09:00:00+08:00"), 3).dueDate()).isEqualTo(LocalDate.of(2024, 2, 19));
    assertThat(calendar.dayKind(LocalDate.of(2024, 2, 12)).kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(calendar.dayKind(LocalDate.of(2024, 2, 12)).name()).isEqualTo("春节");
  }

  @Test
  void springFestival2025AndNationalDay2020AreSkipped() {
    // 2025: 1-28..2-4 off, Sunday 1-26 and Saturday 2-8 worked
    assertThat(calendar.due(at("2025-01-27T16:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2025, 2, 5));
    assertThat(calendar.due(at("2025-02-07T16:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2025, 2, 8));
    // 2020: 10-1..10-8 off, Sunday 9-27 and Saturday 10-10 worked
    assertThat(calendar.due(at("2020-09-25T10:00:00+08:00"), 2).dueDate()).isEqualTo(LocalDate.of(2020, 9, 28));
    assertThat(calendar.due(at("2020-09-30T10:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2020, 10, 9));
    assertThat(calendar.due(at("2020-09-30T10:00:00+08:00"), 2).dueDate()).isEqualTo(LocalDate.of(2020, 10, 10));
  }

  @Test
  void decemberDaysListedInNextYearsNoticeCount() {
    // The 2019 notice makes Saturday 2018-12-29 a working day and Monday 2018-12-31 a holiday.
    assertThat(calendar.dayKind(LocalDate.of(2018, 12, 29)).kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
    assertThat(calendar.dayKind(LocalDate.of(2018, 12, 31)).kind()).isEqualTo(DayKind.HOLIDAY);
    assertThat(calendar.due(at("2018-12-28T10:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2018, 12, 29));
    assertThat(calendar.due(at("2018-12-28T10:00:00+08:00"), 2).dueDate()).isEqualTo(LocalDate.of(2019, 1, 2));
    // The 2023 notice lists Saturday 2022-12-31 as a holiday.
    assertThat(calendar.dayKind(LocalDate.of(2022, 12, 31)).kind()).isEqualTo(DayKind.HOLIDAY);
  }

  @Test
  void submissionOnSaturdayCountsFromTheNextWorkingDay() {
    assertThat(calendar.due(at("2025-03-01T11:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2025, 3, 3));
  }

  @Test
  void submissionOnHolidayCountsFromTheFirstWorkingDayAfterIt() {
    assertThat(calendar.due(at("2025-10-03T11:00:00+08:00"), 1).dueDate()).isEqualTo(LocalDate.of(2025, 10, 9));
  }

  @Test
  void receiptDayIsTakenInShanghaiTime() {
    // 2025-09-25 20:00 UTC is already Friday 09-26 in Shanghai
    assertThat(calendar.due(at("2025-09-25T20:00:00Z"), 10).dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));
  }

  @Test
  void workingDaysInAWholeYearMatchTheOfficialData() throws IOException {
    for (int year = 2015; year <= 2026; year++) {
      Set<LocalDate> holidays = new HashSet<>();
      Set<LocalDate> makeups = new HashSet<>();
      readShipped(holidays, makeups);
      int expected = 0;
      for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (makeups.contains(d) || (!weekend && !holidays.contains(d))) {
          expected++;
        }
      }
      assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
          .as("working days in %d", year).isEqualTo(expected);
    }
    // 2025 by hand: 261 weekdays - 18 weekday holidays + 5 make-up days
    assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
  }

  @Test
  void dueAndWorkingDaysBetweenAreInverseForRandomDates() {
    Random random = new Random(20250926L);
    for (int i = 0; i < 20_000; i++) {
      LocalDate start = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4380));
      int n = 1 + random.nextInt(250);
      Due due = calendar.due(start.atTime(random.nextInt(24), 0).atZone(Zones.SHANGHAI).toInstant(), n);
      assertThat(calendar.workingDaysBetween(start, due.dueDate())).isEqualTo(n);
      assertThat(calendar.isWorkingDay(due.dueDate())).isTrue();
      assertThat(calendar.workingDaysBetween(start, due.dueDate().minusDays(1))).isEqualTo(n - 1);
    }
  }

  @Test
  void extendingMovesTheDueDateByWorkingDaysAcrossHolidays() {
    Due due = calendar.due(at("2025-09-26T10:00:00+08:00"), 5);
    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2025, 10, 10));
    assertThat(calendar.extend(due, 3).dueDate()).isEqualTo(LocalDate.of(2025, 10, 14));
    assertThat(calendar.extend(due, 3)).isEqualTo(calendar.due(at("2025-09-26T10:00:00+08:00"), 8));
  }

  @Test
  void yearWithoutDataFallsBackToWeekendsAndSaysSo() {
    Due due = calendar.due(at("2027-02-10T10:00:00+08:00"), 3);
    assertThat(due.fallback()).isTrue();
    assertThat(due.dueDate()).isEqualTo(LocalDate.of(2027, 2, 15));
    assertThat(calendar.dayKind(LocalDate.of(2027, 2, 6))).extracting(Day::kind, Day::fallback)
        .containsExactly(DayKind.WEEKEND, true);
    assertThat(calendar.due(at("2025-09-26T10:00:00+08:00"), 10).fallback()).isFalse();
  }

  @Test
  void fromFirstDecemberTheMissingNextYearIsReported() {
    assertThat(calendar.missingYears()).isEmpty();
    WorkingCalendar december = WorkingCalendar.official(Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), Zones.SHANGHAI));
    assertThat(december.missingYears()).containsExactly(2027);
  }

  @Test
  void absurdWorkingDayCountsAreRejected() {
    assertThatThrownBy(() -> calendar.due(at("2025-09-26T10:00:00+08:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.due(at("2025-09-26T10:00:00+08:00"), 1_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void readShipped(Set<LocalDate> holidays, Set<LocalDate> makeups) throws IOException {
    try (InputStream in = WorkingCalendarTest.class.getResourceAsStream("/calendar/cn-official-days.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String line : lines) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] c = line.split("\t");
        (c[2].equals("HOLIDAY") ? holidays : makeups).add(LocalDate.parse(c[1]));
      }
    }
  }
}
