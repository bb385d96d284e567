package cn.govshare.notification;

import java.time.Instant;

/** One try to deliver: SENT, FAILED with its reason, GAVE_UP, UNCERTAIN (node died while sending) or SKIPPED. */
record DeliveryAttempt(Long id, long deliveryId, Instant attemptedAt, String node, String outcome, String error,
    String recipients) {
}
