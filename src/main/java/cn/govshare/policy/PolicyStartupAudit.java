package cn.govshare.policy;

import cn.govshare.audit.AuditTrail;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits at start-up which profile is in force and whether the national ceiling applies (SPEC §8): an
 * administrator who switches it off ({@code govshare.policy.national-ceiling=false}) leaves a record.
 */
@Component
class PolicyStartupAudit {

  static final String ACTION = "POLICY_IN_FORCE";
  static final String ACTION_CEILING_OFF = "POLICY_NATIONAL_CEILING_OFF";

  private final ActivePolicy policy;
  private final AuditTrail audit;

  PolicyStartupAudit(ActivePolicy policy, AuditTrail audit) {
    this.policy = policy;
    this.audit = audit;
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    PolicyProfile profile = policy.profile();
    if (policy.nationalCeiling()) {
      audit.record("system", ACTION, "POLICY", profile.name(), AuditTrail.OK,
          profile.title() + "（" + profile.source() + "），国家规定从严：开启");
    } else {
      audit.record("system", ACTION_CEILING_OFF, "POLICY", profile.name(), AuditTrail.OK,
          profile.title() + "（" + profile.source() + "），govshare.policy.national-ceiling=false："
              + "本地时限宽于《政务数据共享条例》的不再从严");
    }
  }
}
