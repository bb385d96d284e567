package cn.govshare.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** Records notifications; GovShare has no mail server, so the record is the message (visible by API). */
@Service
public class Notifications {

  static final String GROUP = "GROUP";
  static final String USER = "USER";

  private final NotificationMapper mapper;
  private final Clock clock;

  Notifications(NotificationMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public void notifyGroup(String groupId, String category, String subject, String body, String refType,
      String refId) {
    mapper.insert(new Notification(null, clock.instant(), GROUP, groupId, category, subject, body, refType, refId));
  }

  public void notifyUser(String userId, String category, String subject, String body, String refType,
      String refId) {
    mapper.insert(new Notification(null, clock.instant(), USER, userId, category, subject, body, refType, refId));
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
