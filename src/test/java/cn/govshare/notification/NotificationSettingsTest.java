package cn.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

  /** The defaults of application.yml, with the channels given. */
  static NotificationSettings settings(Set<Channel> channels) {
    return new NotificationSettings(Duration.ofSeconds(30), Duration.ofMinutes(2), 6, Duration.ofMinutes(1),
        Duration.ofHours(1), LocalTime.of(9, 0), LocalTime.of(17, 30), Set.of("DEADLINE_BREACH"), channels,
        Duration.ofDays(7), Duration.ofSeconds(10), 50);
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheCeiling() {
    NotificationSettings settings = settings(Set.of(Channel.MAIL, Channel.WEBHOOK));
    assertThat(settings.backOff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.backOff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.backOff(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(settings.backOff(7)).isEqualTo(Duration.ofHours(1));
  }
}
