package cn.govshare.federation.upper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The city demo platform as the provincial demo's lower platform (profile {@code demo-province}, never
 * {@code prod}): service account {@value #USER} (password = user id) speaking for {@value #PLATFORM_NAME}.
 */
@Component
@Profile("demo-province & !prod")
@Order(20)
class DemoProvincePeer implements SmartInitializingSingleton {

  static final String USER = "nanchang-platform";
  static final String PLATFORM_CODE = "nc";
  static final String PLATFORM_NAME = "南昌市政务数据共享平台";

  private final Peers peers;

  DemoProvincePeer(Peers peers) {
    this.peers = peers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    peers.register(USER, USER, PLATFORM_CODE, PLATFORM_NAME);
  }
}
