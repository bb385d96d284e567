package cn.govshare.policy;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The profile in force and whether the national ceiling applies (SPEC §8). Switched off deliberately
 * ({@code govshare.policy.national-ceiling=false}) the node still serves, but health says DEGRADED so
 * the deviation from 《政务数据共享条例》 is visible wherever health is watched.
 */
@Component("policyHealth")
class PolicyHealthIndicator implements HealthIndicator {

  static final Status CEILING_OFF = new Status("DEGRADED", "国家规定从严已关闭，本地时限可能宽于《政务数据共享条例》");

  private final ActivePolicy policy;

  PolicyHealthIndicator(ActivePolicy policy) {
    this.policy = policy;
  }

  @Override
  public Health health() {
    return (policy.nationalCeiling() ? Health.up() : Health.status(CEILING_OFF))
        .withDetail("profile", policy.profile().name())
        .withDetail("source", policy.profile().source())
        .withDetail("nationalCeiling", policy.nationalCeiling())
        .build();
  }
}
