package cn.govshare.notification;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as {@code GET /api/notifications/deliveries} shows it (a stable contract: the supervision page reads
 * it). {@code history}: every attempt, oldest first; its {@code recipients} only for supervisors.
 */
record DeliveryView(long id, long notificationId, String channel, String state, int attempts, String idempotencyKey,
    Instant createdAt, Instant nextAttemptAt, Instant finishedAt, String lastError, String recipientType,
    String recipient, String category, String subject, String refType, String refId, List<AttemptView> history) {

  record AttemptView(Instant at, String outcome, String error, String recipients, String node) {
  }

  static DeliveryView of(Delivery delivery, List<DeliveryAttempt> attempts, boolean showRecipients) {
    Notification notification = delivery.notification();
    return new DeliveryView(delivery.id(), delivery.notificationId(), delivery.channel().name(),
        delivery.state().name(), delivery.attempts(), delivery.idempotencyKey(), delivery.createdAt(),
        delivery.state() == DeliveryState.PENDING ? delivery.nextAttemptAt() : null, delivery.finishedAt(),
        delivery.lastError(), notification.recipientType(), notification.recipient(), notification.category(),
        notification.subject(), notification.refType(), notification.refId(),
        attempts.stream().map(a -> new AttemptView(a.attemptedAt(), a.outcome(), a.error(),
            showRecipients ? a.recipients() : null, a.node())).toList());
  }
}
