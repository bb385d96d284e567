package cn.govshare.audit;

import cn.govshare.clock.ClockMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** R26: moving the clock is an audit record, written in the administrator's request. */
@Component
class ClockAudit {

  private final AuditTrail audit;

  ClockAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @EventListener
  void moved(ClockMoved event) {
    audit.record(event.userId(), event.action(), "clock", null, AuditTrail.OK, event.detail());
  }
}
