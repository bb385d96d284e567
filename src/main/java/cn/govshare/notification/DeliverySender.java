package cn.govshare.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. A delivery is claimed by a conditional update (PENDING and due → SENDING under
 * this node's lease), so with several nodes exactly one sends it; it is sent outside any transaction and then
 * marked SENT, or PENDING again after a growing wait, or GAVE_UP after the last attempt. Each attempt is a row.
 * A SENDING row whose lease expired belongs to a node that died between send and mark: a webhook is sent again
 * with the same idempotency key (the receiver drops the repeat), a mail is parked as UNCERTAIN, never resent
 * (docs/notifications.md).
 */
@Component
class DeliverySender {

  private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);
  private static final int MAX_ERROR = 1000;
  private static final int MAX_RECIPIENTS = 2000;

  private final DeliveryMapper deliveries;
  private final Map<Channel, ChannelSender> channels = new EnumMap<>(Channel.class);
  private final NotificationSettings settings;
  private final WorkingHours hours;
  private final Clock clock;
  private final String node;

  DeliverySender(DeliveryMapper deliveries, List<ChannelSender> senders, NotificationSettings settings,
      WorkingHours hours, Clock clock) {
    this.deliveries = deliveries;
    senders.forEach(sender -> channels.put(sender.channel(), sender));
    this.settings = settings;
    this.hours = hours;
    this.clock = clock;
    this.node = StringUtils.abbreviate(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8), 64);
  }

  @Scheduled(fixedDelayString = "${govshare.notification.send-interval}",
      initialDelayString = "${govshare.notification.send-interval}")
  void run() {
    recoverExpiredLeases();
    sendDue();
  }

  /** Claims and sends every due delivery (up to one batch); returns how many this node sent or tried. */
  int sendDue() {
    int tried = 0;
    for (long id : deliveries.dueIds(clock.instant(), settings.batch())) {
      Delivery claimed = claim(id);
      if (claimed != null) {
        send(claimed);
        tried++;
      }
    }
    return tried;
  }

  /** PENDING → SENDING under this node's lease; null when another node was first. */
  Delivery claim(long id) {
    Instant now = clock.instant();
    return deliveries.claim(id, node, now.plus(settings.lease()), now) == 1 ? deliveries.find(id) : null;
  }

  /** Sends a claimed delivery and marks the outcome. */
  void send(Delivery claimed) {
    String recipients;
    try {
      recipients = channels.get(claimed.channel()).send(claimed);
    } catch (DeliveryFailure | RuntimeException e) {
      failed(claimed, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return;
    }
    Instant now = clock.instant();
    DeliveryState outcome = recipients == null ? DeliveryState.SKIPPED : DeliveryState.SENT;
    String note = recipients == null ? "无此渠道的收件人" : null;
    if (deliveries.finish(claimed.id(), node, outcome, now, note) == 1) {
      attempt(claimed, now, outcome.name(), note, recipients);
    } else {
      LOG.warn("delivery {} was sent but its lease had been taken over", claimed.id());
    }
  }

  private void failed(Delivery claimed, String reason) {
    Instant now = clock.instant();
    String error = StringUtils.abbreviate(reason, MAX_ERROR);
    if (claimed.attempts() >= settings.maxAttempts()) {
      if (deliveries.finish(claimed.id(), node, DeliveryState.GAVE_UP, now, error) == 1) {
        attempt(claimed, now, DeliveryState.GAVE_UP.name(), error, null);
        LOG.warn("delivery {} ({}) gave up after {} attempts: {}", claimed.id(), claimed.channel(),
            claimed.attempts(), error);
      }
      return;
    }
    Instant next = now.plus(settings.backOff(claimed.attempts()));
    if (claimed.workingHours()) {
      next = hours.deliverAt(next, claimed.deliverBy());
    }
    if (deliveries.retry(claimed.id(), node, next, error) == 1) {
      attempt(claimed, now, "FAILED", error, null);
      LOG.info("delivery {} ({}) failed, next attempt {}: {}", claimed.id(), claimed.channel(), next, error);
    }
  }

  /** A node died between send and mark: webhook again with the same key; mail parked as UNCERTAIN. */
  void recoverExpiredLeases() {
    Instant now = clock.instant();
    for (Delivery stale : deliveries.expiredLeases(now)) {
      boolean resend = stale.channel() == Channel.WEBHOOK && stale.attempts() < settings.maxAttempts();
      DeliveryState to = resend ? DeliveryState.PENDING : DeliveryState.UNCERTAIN;
      String error = "节点 " + stale.leaseOwner() + " 发送时中断，"
          + (resend ? "以同一幂等键重发" : "不确定是否已送达，不再重发");
      if (deliveries.recover(stale.id(), to, now, resend ? null : now, StringUtils.abbreviate(error, MAX_ERROR))
          == 1) {
        attempt(stale, now, DeliveryState.UNCERTAIN.name(), error, null);
        LOG.warn("delivery {} ({}): {}", stale.id(), stale.channel(), error);
      }
    }
  }

  private void attempt(Delivery delivery, Instant at, String outcome, String error, String recipients) {
    deliveries.insertAttempt(new DeliveryAttempt(null, delivery.id(), at, node, outcome, error,
        StringUtils.abbreviate(recipients, MAX_RECIPIENTS)));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
