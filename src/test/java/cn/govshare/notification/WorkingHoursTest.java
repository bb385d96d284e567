package cn.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Non-urgent messages go out in working hours of working days; the 2025 National Day week has both kinds of day. */
class WorkingHoursTest {

  private final WorkingHours hours = new WorkingHours(
      WorkingCalendar.official(Clock.fixed(at("2025-09-01T00:00"), ZoneOffset.UTC)), LocalTime.of(9, 0),
      LocalTime.of(17, 30));

  @Test
  void withinWorkingHoursOfAWorkingDayGoesAtOnce() {
    assertThat(hours.deliverAt(at("2025-09-26T10:15"), null)).isEqualTo(at("2025-09-26T10:15"));
  }

  @Test
  void afterHoursOnFridayWaitsForMondayMorning() {
    assertThat(hours.deliverAt(at("2025-09-19T18:00"), null)).isEqualTo(at("2025-09-22T09:00"));
    assertThat(hours.deliverAt(at("2025-09-20T10:00"), null)).isEqualTo(at("2025-09-22T09:00"));
  }

  @Test
  void saturdayBeforeTheMakeupSundayGoesOnThatSunday() {
    // 2025-09-28 (Sunday) was a working day (调休) before the National Day holiday
    assertThat(hours.deliverAt(at("2025-09-27T10:00"), null)).isEqualTo(at("2025-09-28T09:00"));
  }

  @Test
  void holidayWeekWaitsForTheMakeupSaturday() {
    // 2025-10-01..08 National Day and Mid-Autumn holiday; 2025-10-09 Thursday is the first working day after it
    assertThat(hours.deliverAt(at("2025-10-03T11:00"), null)).isEqualTo(at("2025-10-09T09:00"));
    // 2025-10-11 (Saturday) was a working day (调休): a message on Friday evening goes then
    assertThat(hours.deliverAt(at("2025-10-10T19:00"), null)).isEqualTo(at("2025-10-11T09:00"));
    assertThat(hours.deliverAt(at("2025-10-11T16:00"), null)).isEqualTo(at("2025-10-11T16:00"));
  }

  @Test
  void earlyMorningWaitsForNineTheSameDay() {
    assertThat(hours.deliverAt(at("2025-09-24T07:30"), null)).isEqualTo(at("2025-09-24T09:00"));
  }

  @Test
  void aDeadlineBeforeTheNextWorkingMorningSendsOnTheLastWorkingDayBefore() {
    // written on the holiday, the deadline ends on 2025-10-08 (still a holiday): the last working day before it
    // (2025-09-30) is past, so the reminder goes at once rather than after the deadline
    assertThat(hours.deliverAt(at("2025-10-04T10:00"), at("2025-10-08T12:00"))).isEqualTo(at("2025-10-04T10:00"));
    // written in the evening of 2025-09-29, deadline at 08:00 on 2025-09-30: goes at once, not at 09:00 after it
    assertThat(hours.deliverAt(at("2025-09-29T20:00"), at("2025-09-30T08:00"))).isEqualTo(at("2025-09-29T20:00"));
  }

  @Test
  void aDeadlineAfterTheNextWorkingMorningDoesNotHurry() {
    assertThat(hours.deliverAt(at("2025-09-27T10:00"), at("2025-09-29T00:00"))).isEqualTo(at("2025-09-28T09:00"));
  }

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + ":00+08:00").toInstant();
  }
}
