package cn.govshare.notification;

import cn.govshare.MySqlFamily;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Puts a new notification into the outbox, in the transaction that records it: one delivery per channel the
 * recipient has, due at once for urgent categories (breach reports) and otherwise in working hours.
 */
@Component
class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final DeliveryMapper deliveries;
  private final Recipients recipients;
  private final NotificationSettings settings;
  private final WorkingHours hours;
  private final ObjectProvider<JavaMailSender> mail;
  private final Clock clock;
  private final MySqlFamily mysql;

  Outbox(DeliveryMapper deliveries, Recipients recipients, NotificationSettings settings, WorkingHours hours,
      ObjectProvider<JavaMailSender> mail, Clock clock, MySqlFamily mysql) {
    this.mysql = mysql;
    this.deliveries = deliveries;
    this.recipients = recipients;
    this.settings = settings;
    this.hours = hours;
    this.mail = mail;
    this.clock = clock;
  }

  void enqueue(long notificationId, Notification notification, Instant deadline) {
    deliveries(notificationId, notification, deadline, clock.instant()).forEach(deliveries::insert);
  }

  /** The deliveries of several new notifications (no deadline each) with one insert. */
  void enqueueAll(List<NotificationMapper.NewRow> rows) {
    Instant now = clock.instant();
    List<Delivery> all = rows.stream().flatMap(row -> deliveries(row.getId(), row.getNotification(), null, now)
        .stream()).toList();
    if (all.isEmpty()) {
      return;
    }
    if (inJsonRows()) {
      // one static statement for each set of instants: one when every notification is of the same category
      all.stream().collect(Collectors.groupingBy(d -> Arrays.asList(d.createdAt(), d.nextAttemptAt(), d.deliverBy()),
          LinkedHashMap::new, Collectors.toList())).forEach((at, same) -> deliveries.insertRows(at.get(0), at.get(1),
          at.get(2), DeliveryMapper.rows(same)));
    } else {
      deliveries.insertAll(all);
    }
  }

  /** Whether several deliveries go in one static JSON_TABLE statement (MySQL/MariaDB, issue 25), asked once. */
  boolean inJsonRows() {
    return mysql.supports("DeliveryMapper.insertRows", () -> {
      Instant now = clock.instant();
      deliveries.insertRows(now, now, null, "[]");
    }, LOG, "deliveries of one transaction keep to a statement built for their number");
  }

  private List<Delivery> deliveries(long notificationId, Notification notification, Instant deadline, Instant now) {
    boolean immediate = settings.immediateCategories().contains(notification.category());
    Instant due = immediate ? now : hours.deliverAt(now, deadline);
    List<Delivery> made = new ArrayList<>(Channel.values().length);
    for (Channel channel : Channel.values()) {
      if (reaches(channel, notification)) {
        made.add(new Delivery(null, notificationId, channel, idempotencyKey(notification, notificationId, channel),
            DeliveryState.PENDING, 0, !immediate, deadline, due, null, null, null, now, null, null));
      }
    }
    return made;
  }

  /** Stable per notification and channel: the webhook's Idempotency-Key and the mail's Message-ID. */
  static String idempotencyKey(Notification notification, long notificationId, Channel channel) {
    String name = "govshare-notification:" + notificationId + ":" + notification.createdAt().toEpochMilli() + ":"
        + channel;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private boolean reaches(Channel channel, Notification notification) {
    if (!settings.allows(channel)) {
      return false;
    }
    boolean toUser = Notifications.USER.equals(notification.recipientType());
    return switch (channel) {
      // a group's members are read, with their choices, when the mail is sent
      case MAIL -> mail.getIfAvailable() != null
          && (!toUser || recipients.preference(notification.recipient()).mail());
      case WEBHOOK -> recipients.webhookFor(notification) != null;
    };
  }
}
