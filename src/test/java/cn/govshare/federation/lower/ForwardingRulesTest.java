package cn.govshare.federation.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure rules of the city side of R24: the retry back-off and what counts as "the same items" for 整体授权. */
class ForwardingRulesTest {

  private final LowerSettings settings = new LowerSettings("http://province", "nc", "nc", "upper-platform", "UP-",
      Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(2),
      Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10));

  @Test
  void backOffDoublesFromTheFirstRetryAndStopsGrowingAtTheMaximum() {
    assertThat(settings.backOff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backOff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.backOff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.backOff(7)).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.backOff(500)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void requestedItemsAreComparedAsASetSoTheOrderOfAskingDoesNotSplitABulkApplication() {
    assertThat(UpperForwardings.canonicalFields("姓名, 公民身份号码"))
        .isEqualTo(UpperForwardings.canonicalFields("公民身份号码,姓名"));
    assertThat(UpperForwardings.canonicalFields("公民身份号码")).isNotEqualTo(UpperForwardings.canonicalFields(
        "公民身份号码,姓名"));
    assertThat(UpperForwardings.canonicalFields(null)).isEmpty();
    assertThat(UpperForwardings.canonicalFields("")).isEqualTo(UpperForwardings.canonicalFields(" , "));
  }

  @Test
  void withoutAnUrlThereIsNoUpperPlatform() {
    assertThat(settings.configured()).isTrue();
    assertThat(new LowerSettings(" ", null, null, "upper-platform", "UP-", Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO).configured()).isFalse();
  }
}
