package cn.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

/** A user chooses channels only within what the administrator allows (govshare.notification.channels). */
class PreferencesTest {

  private final ChannelMapper mapper = mock(ChannelMapper.class);
  private final NotificationSettings mailOnly = NotificationSettingsTest.settings(Set.of(Channel.MAIL));
  private final Preferences preferences = new Preferences(mapper, new Recipients(mapper, mock(IdentityService.class)),
      mailOnly, mock(IdentityService.class), mock(AuditTrail.class), Clock.systemUTC());
  private final Caller reviewer = new Caller("gaj-reviewer", "李强", "gaj", Set.of("gaj"));

  @Test
  void aChannelTheAdministratorDoesNotAllowIsRefusedNamingIt() {
    assertThatThrownBy(() -> preferences.choose(reviewer, true, true)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.field()).isEqualTo("webhook"));
    verify(mapper, never()).insertPreference(ArgumentMatchers.any());
    verify(mapper, never()).updatePreference(ArgumentMatchers.any());
  }
}
