package cn.govshare.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** DEGRADED while audit records wait longer than {@code govshare.audit.seal-overdue} for their seal (issue 25). */
@Component
class AuditHealthIndicator implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "审计记录超过时限未封入链");

  private final AuditTrail audit;

  AuditHealthIndicator(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public Health health() {
    ChainCheck.Unsealed unsealed = audit.unsealed();
    return (unsealed.overdue() ? Health.status(DEGRADED) : Health.up())
        .withDetail("unsealed", unsealed.count())
        .withDetail("oldestUnsealedSeconds", unsealed.oldestSeconds() == null ? 0 : unsealed.oldestSeconds())
        .build();
  }
}
