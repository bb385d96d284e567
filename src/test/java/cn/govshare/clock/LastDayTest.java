package cn.govshare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LastDayTest {

  @Test
  void aDeadlineAtMidnightIsReadAsTheDayBefore() {
    assertThat(LastDay.of(OffsetDateTime.parse("2026-12-04T00:00:00+08:00").toInstant()))
        .isEqualTo("2026年12月3日（星期四）前");
  }

  @Test
  void aDeadlineDuringTheDayIsThatDayInShanghaiNotInUtc() {
    assertThat(LastDay.of(OffsetDateTime.parse("2026-12-03T17:30:00Z").toInstant()))
        .as("01:30 on 4 December in Shanghai").isEqualTo("2026年12月4日（星期五）前");
  }
}
