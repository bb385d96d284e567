package cn.govshare.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Service;

/** Records notifications; GovShare has no mail server, so the record is the message (visible by API). */
@Service
public class Notifications {

  static final String GROUP = "GROUP";
  static final String USER = "USER";
  /** gs_notification.subject and .body: a message quotes the user's text, which is stored whole in its case. */
  private static final int MAX_SUBJECT = 255;
  private static final int MAX_BODY = 2000;

  private final NotificationMapper mapper;
  private final Clock clock;

  Notifications(NotificationMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public void notifyGroup(String groupId, String category, String subject, String body, String refType,
      String refId) {
    mapper.insert(new Notification(null, clock.instant(), GROUP, groupId, category, fit(subject, MAX_SUBJECT),
        fit(body, MAX_BODY), refType, refId));
  }

  public void notifyUser(String userId, String category, String subject, String body, String refType,
      String refId) {
    mapper.insert(new Notification(null, clock.instant(), USER, userId, category, fit(subject, MAX_SUBJECT),
        fit(body, MAX_BODY), refType, refId));
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
