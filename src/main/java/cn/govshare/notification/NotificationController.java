package cn.govshare.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import cn.govshare.web.ListLimit;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "通知", description = "告知申请部门、提醒、超期报告（R14、R27）")
@RestController
@Validated
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  /** The caller's own notifications and those of its groups, newest first. */
  @Operation(operationId = "listNotifications", summary = "本人和本部门收到的通知")
  @GetMapping("/api/notifications")
  List<Notification> mine(Caller caller, @RequestParam(required = false) String refType,
      @RequestParam(required = false) String refId,
      @RequestParam(defaultValue = "100") @ListLimit int limit) {
    return notifications.forRecipient(caller.userId(), caller.groups(), refType, refId, limit);
  }
}
