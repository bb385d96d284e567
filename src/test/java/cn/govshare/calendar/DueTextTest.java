package cn.govshare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueTextTest {

  @Test
  void periodEndingAtMidnightShowsTheDayBeforeAsTheLastDay() {
    // 2026-12-04T00:00+08:00 is the end of 3 December, a Thursday
    assertThat(DueText.lastDay(OffsetDateTime.parse("2026-12-04T00:00:00+08:00").toInstant()))
        .isEqualTo("2026年12月3日（星期四）前");
  }

  @Test
  void lastDayIsTheShanghaiDateEvenWhenTheInstantIsStillTheDayBeforeInUtc() {
    // the 2025 National Day week ends Wednesday 8 October; a period ending at its 24:00 is 8 October 16:00 UTC
    assertThat(DueText.lastDay(OffsetDateTime.parse("2025-10-08T16:00:00Z").toInstant()))
        .isEqualTo("2025年10月8日（星期三）前");
  }

  @Test
  void dueInstantInsideADayKeepsThatDay() {
    // 2024 Spring Festival eve, Friday 9 February, due at noon
    assertThat(DueText.lastDay(OffsetDateTime.parse("2024-02-09T12:00:00+08:00").toInstant()))
        .isEqualTo("2024年2月9日（星期五）前");
  }

  @Test
  void stepWithoutALimitHasNoText() {
    assertThat(DueText.lastDay(null)).isNull();
  }

  @Test
  void provisionalReasonNamesEveryMissingYearInOrder() {
    assertThat(DueText.provisionalReason(List.of(2027))).isEqualTo("该期限所涉年份（2027年）节假日安排尚未载入，期限为暂定");
    assertThat(DueText.provisionalReason(List.of(2028, 2027))).isEqualTo("该期限所涉年份（2027年、2028年）节假日安排尚未载入，期限为暂定");
  }
}
