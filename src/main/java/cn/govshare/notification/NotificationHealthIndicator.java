package cn.govshare.notification;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** DEGRADED while a delivery gave up (or is uncertain) within the health window, with the latest reason. */
@Component
class NotificationHealthIndicator implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "通知投递失败，已停止重试");

  private final Deliveries deliveries;

  NotificationHealthIndicator(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Health health() {
    long failed = deliveries.countRecentFailures();
    if (failed == 0) {
      return Health.up().withDetail("failedDeliveries", 0).build();
    }
    List<DeliveryView> latest = deliveries.recentFailures(1);
    Health.Builder health = Health.status(DEGRADED).withDetail("failedDeliveries", failed);
    latest.stream().findFirst().ifPresent(d -> health.withDetail("latest", d.channel() + " 投递 " + d.id()
        + " (" + d.category() + " → " + d.recipient() + ") " + d.state() + ": " + d.lastError()));
    return health.build();
  }
}
