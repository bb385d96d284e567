package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govshare.clock.Zones;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calendar's arithmetic conversions agree with the time-zone rules of Asia/Shanghai over its whole range. */
class ShanghaiOffsetTest {

  @Test
  void datesAndEndsOfDayAgreeWithTheZoneRulesFrom2000To2099() {
    Random random = new Random(20251001);
    long first = CalendarData.FIRST.atStartOfDay(Zones.SHANGHAI).toEpochSecond();
    long last = CalendarData.LAST.atStartOfDay(Zones.SHANGHAI).toEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)));
      LocalDate expected = instant.atZone(Zones.SHANGHAI).toLocalDate();
      assertThat(CalendarData.dateOf(instant)).as(instant.toString()).isEqualTo(expected);
      assertThat(CalendarData.endOfDay(expected))
          .isEqualTo(expected.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant());
    }
    // midnight edges: 23:59:59 and 00:00:00 Beijing time
    Instant lastSecond = Instant.parse("2025-09-30T15:59:59Z");
    assertThat(CalendarData.dateOf(lastSecond)).isEqualTo(LocalDate.of(2025, 9, 30));
    assertThat(CalendarData.dateOf(lastSecond.plusSeconds(1))).isEqualTo(LocalDate.of(2025, 10, 1));
  }
}
