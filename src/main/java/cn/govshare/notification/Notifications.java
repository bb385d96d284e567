package cn.govshare.notification;

import cn.govshare.MySqlFamily;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.stereotype.Service;

/**
 * Records notifications, in the transaction of the event they tell of, and puts each into the outbox of its
 * channels (mail, webhook): the record is visible by API at once, the sender delivers it afterwards.
 */
@Service
public class Notifications {

  static final String GROUP = "GROUP";
  static final String USER = "USER";
  /** gs_notification.subject and .body: a message quotes the user's text, which is stored whole in its case. */
  private static final int MAX_SUBJECT = 255;
  private static final int MAX_BODY = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final NotificationMapper mapper;
  private final Outbox outbox;
  private final Clock clock;
  private final MySqlFamily mysql;

  Notifications(NotificationMapper mapper, Outbox outbox, Clock clock, MySqlFamily mysql) {
    this.mysql = mysql;
    this.mapper = mapper;
    this.outbox = outbox;
    this.clock = clock;
  }

  public void notifyGroup(String groupId, String category, String subject, String body, String refType,
      String refId) {
    notifyGroup(groupId, category, subject, body, refType, refId, null);
  }

  /** {@code deadline}: the message is about a limit ending then; outside working hours it goes before that. */
  public void notifyGroup(String groupId, String category, String subject, String body, String refType,
      String refId, Instant deadline) {
    record(GROUP, groupId, category, subject, body, refType, refId, deadline);
  }

  public void notifyUser(String userId, String category, String subject, String body, String refType,
      String refId) {
    notifyUser(userId, category, subject, body, refType, refId, null);
  }

  /** {@code deadline}: the message is about a limit ending then; outside working hours it goes before that. */
  public void notifyUser(String userId, String category, String subject, String body, String refType,
      String refId, Instant deadline) {
    record(USER, userId, category, subject, body, refType, refId, deadline);
  }

  /** A group's notification among several of one transaction: see {@link #notifyGroups}. */
  public record GroupNotice(String groupId, String category, String subject, String body, String refType,
      String refId) {
  }

  /**
   * Several groups' notifications of one transaction (a breach batch, issue 25): the same rows and deliveries as
   * {@link #notifyGroup} each, written with one insert for the notifications and one for their deliveries.
   */
  public void notifyGroups(List<GroupNotice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<NotificationMapper.NewRow> rows = notices.stream().map(n -> new NotificationMapper.NewRow(
        notification(GROUP, n.groupId(), n.category(), n.subject(), n.body(), n.refType(), n.refId(), now))).toList();
    if (inJsonRows()) {
      mapper.insertRows(now, NotificationMapper.NewRow.rows(rows), rows);
    } else {
      mapper.insertAll(rows);
    }
    outbox.enqueueAll(rows);
  }

  /**
   * Whether several notifications go in one static JSON_TABLE statement (MySQL/MariaDB, issue 25), asked of the
   * database once: only where its rows get consecutive ids, which the driver hands out to the rows.
   */
  boolean inJsonRows() {
    return mysql.supports("NotificationMapper.insertRows", () -> {
      Integer mode = mapper.autoIncrementLockMode();
      if (mode == null || mode > 1) {
        throw new InvalidDataAccessResourceUsageException("innodb_autoinc_lock_mode " + mode
            + " may interleave one statement's ids with another's");
      }
      mapper.insertRows(clock.instant(), "[]", List.of());
    }, LOG, "notifications of one transaction keep to a statement built for their number");
  }

  private void record(String recipientType, String recipient, String category, String subject, String body,
      String refType, String refId, Instant deadline) {
    NotificationMapper.NewRow row = new NotificationMapper.NewRow(notification(recipientType, recipient, category,
        subject, body, refType, refId, clock.instant()));
    mapper.insert(row);
    outbox.enqueue(row.getId(), row.getNotification(), deadline);
  }

  private static Notification notification(String recipientType, String recipient, String category, String subject,
      String body, String refType, String refId, Instant at) {
    return new Notification(null, at, recipientType, recipient, category, fit(subject, MAX_SUBJECT),
        fit(body, MAX_BODY), refType, refId);
  }

  /** System text around user input (理由：…) may outgrow the column; the full input stays in its own record. */
  private static String fit(String text, int max) {
    return StringUtils.abbreviate(text, max);
  }

  public List<Notification> forRecipient(String userId, Collection<String> groups, String refType, String refId,
      int limit) {
    return mapper.findFor(userId, groups, refType, refId, limit);
  }

  /** Every notification about one object, e.g. a share request: what the parties were told, and when. */
  public List<Notification> about(String refType, String refId) {
    return mapper.findByRef(refType, refId);
  }
}
