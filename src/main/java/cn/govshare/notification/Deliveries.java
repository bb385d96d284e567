package cn.govshare.notification;

import cn.govshare.org.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Delivery history: a user's own, and for supervisors every delivery that failed for good. */
@Service
class Deliveries {

  private final DeliveryMapper mapper;
  private final NotificationSettings settings;
  private final Clock clock;

  Deliveries(DeliveryMapper mapper, NotificationSettings settings, Clock clock) {
    this.mapper = mapper;
    this.settings = settings;
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
