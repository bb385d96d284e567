package cn.govshare.opendata;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's verified public account {@code pub-demo} (password = user id, profile {@code demo}, never {@code prod}). */
@Component
@Profile("demo & !prod")
@Order(30)
class DemoPublicAccount implements SmartInitializingSingleton {

  static final String USER = "pub-demo";

  private final PublicAccounts accounts;

  DemoPublicAccount(PublicAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void afterSingletonsInstantiated() {
    accounts.ensureDemo(new PublicAccount(USER, PublicAccount.ApplicantKind.COMPANY, "示例数据科技有限公司",
        "91350100M000100Y43", "pub-demo@demo.govshare.cn", null, PublicAccount.VerifyBy.EMAIL, null, null, 0, null,
        null, "demo"), USER);
  }
}
