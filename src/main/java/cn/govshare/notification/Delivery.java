package cn.govshare.notification;

import java.time.Instant;

/** One notification through one channel (the outbox row), joined with what the notification says. */
record Delivery(Long id, long notificationId, Channel channel, String idempotencyKey, DeliveryState state,
    int attempts, boolean workingHours, Instant deliverBy, Instant nextAttemptAt, String leaseOwner,
    Instant leaseUntil, String lastError, Instant createdAt, Instant finishedAt, Notification notification) {
}
