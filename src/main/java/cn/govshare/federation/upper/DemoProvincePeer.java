package cn.govshare.federation.upper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The lower platforms of the provincial demo (profile {@code demo-province}, never {@code prod}; password = user
 * id): the city demo's service account {@value #USER} speaking for {@value #PLATFORM_NAME}, and a second city's
 * ({@value #OTHER_USER}) so that one lower platform's cases can be shown closed to the other.
 */
@Component
@Profile("demo-province & !prod")
@Order(20)
class DemoProvincePeer implements SmartInitializingSingleton {

  static final String USER = "nanchang-platform";
  static final String PLATFORM_CODE = "nc";
  static final String PLATFORM_NAME = "南昌市政务数据共享平台";
  static final String OTHER_USER = "wuhan-platform";

  private final Peers peers;

  DemoProvincePeer(Peers peers) {
    this.peers = peers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    peers.register(USER, USER, PLATFORM_CODE, PLATFORM_NAME);
    peers.register(OTHER_USER, OTHER_USER, "wh", "武汉市政务数据共享平台");
  }
}
