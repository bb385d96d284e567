package cn.govshare.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.notification.Notifications;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;

/**
 * Without a mail server no code can reach an applicant: the portal says registration is paused before anyone fills
 * the form in (naming the demo's verified account where it exists), and a registration is refused 503 naming the
 * e-mail field, with no account created.
 */
class RegistrationWithoutMailTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final PublicAccountMapper mapper = mock(PublicAccountMapper.class);
  private final StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
  private final PublicAccounts accounts = new PublicAccounts(mapper, identity, mock(Notifications.class),
      noBeans.getBeanProvider(PhoneVerificationSender.class), noBeans.getBeanProvider(
          org.springframework.mail.javamail.JavaMailSender.class),
      new PublicRateLimits(10, 10, 10, 10, Duration.ofHours(1), Duration.ofHours(1)), mock(AuditTrail.class),
      Clock.systemUTC(), Duration.ofMinutes(30), 5);

  @Test
  void thePortalSaysRegistrationIsPausedAndNamesTheDemoAccount() {
    when(identity.createUserQuery().userId(DemoPublicAccount.USER).count()).thenReturn(1L);

    PublicAccounts.Registration state = accounts.registration();

    assertThat(state.open()).isFalse();
    assertThat(state.message()).contains("未配置邮件服务", "登录名 demo", "密码 pub-demo");
  }

  @Test
  void outsideTheDemoThePortalPointsToThePlatformUnit() {
    when(identity.createUserQuery().userId(DemoPublicAccount.USER).count()).thenReturn(0L);

    assertThat(accounts.registration().message()).contains("联系平台管理单位").doesNotContain("demo");
  }

  @Test
  void aRegistrationByMailIsRefused503NamingTheEmailFieldAndCreatesNothing() {
    NewPublicAccount body = new NewPublicAccount("citizen1", "Open2025data", "PERSON", "张三", "11010519491231002X",
        "zhangsan@example.cn", null, null);

    ApiException refused = catchThrowableOfType(ApiException.class, () -> accounts.register(body, "10.0.0.1"));

    assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.field()).isEqualTo("email");
    assertThat(org.mockito.Mockito.mockingDetails(mapper).getInvocations()).isEmpty();
  }
}
