package cn.govshare.notification;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivery history: a user's own, and for supervisors every delivery that failed for good. */
@Service
class Deliveries {

  private final DeliveryMapper mapper;
  private final NotificationSettings settings;
  private final AuditTrail audit;
  private final Clock clock;

  Deliveries(DeliveryMapper mapper, NotificationSettings settings, AuditTrail audit, Clock clock) {
    this.mapper = mapper;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** Supervisors and administrators asking for failures see everyone's; everybody else sees their own. */
  List<DeliveryView> visibleTo(Caller caller, boolean failedOnly, int limit) {
    boolean all = failedOnly && supervises(caller);
    return views(mapper.list(all, caller.userId(), caller.groups(), failedOnly, limit), supervises(caller));
  }

  /** Failed for good within the health window, newest first. */
  List<DeliveryView> recentFailures(int limit) {
    return views(mapper.failedSince(clock.instant().minus(settings.healthWindow()), limit), true);
  }

  long countRecentFailures() {
    return mapper.countFailedSince(clock.instant().minus(settings.healthWindow()));
  }

  /**
   * Sends a failed delivery again (supervisors, administrators), e.g. after the mail log showed an UNCERTAIN mail
   * never arrived; audited.
   */
  @Transactional
  void retry(Caller caller, long id) {
    if (!supervises(caller)) {
      throw ApiException.forbidden("只有监督人员和管理员可以重发通知");
    }
    Delivery delivery = mapper.find(id);
    if (delivery == null) {
      throw ApiException.notFound("没有投递记录 " + id);
    }
    if (mapper.requeue(id, clock.instant()) == 0) {
      throw ApiException.conflict("id", "只有已放弃 (GAVE_UP) 或不确定 (UNCERTAIN) 的投递可以重发，当前 " + delivery.state());
    }
    audit.record(caller, "NOTIFICATION_RESENT", "NOTIFICATION_DELIVERY", String.valueOf(id), AuditTrail.OK,
        delivery.channel() + " " + delivery.state() + " → PENDING: " + delivery.notification().subject(), Set.of());
  }

  static boolean supervises(Caller caller) {
    return caller.isSupervisor() || caller.isAdmin();
  }

  private List<DeliveryView> views(List<Delivery> deliveries, boolean showRecipients) {
    if (deliveries.isEmpty()) {
      return List.of();
    }
    Map<Long, List<DeliveryAttempt>> attempts = mapper.attempts(deliveries.stream().map(Delivery::id).toList())
        .stream().collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
    return deliveries.stream()
        .map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id(), List.of()), showRecipients)).toList();
  }
}
