package cn.govshare.notification;

import cn.govshare.org.Caller;
import cn.govshare.web.ListLimit;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  /** The caller's own notifications and those of its groups, newest first. */
  @GetMapping("/api/notifications")
  List<Notification> mine(Caller caller, @RequestParam(required = false) String refType,
      @RequestParam(required = false) String refId,
      @RequestParam(defaultValue = "100") @ListLimit int limit) {
    return notifications.forRecipient(caller.userId(), caller.groups(), refType, refId, limit);
  }
}
