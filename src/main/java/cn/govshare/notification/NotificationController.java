package cn.govshare.notification;

import cn.govshare.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import cn.govshare.web.ListLimit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "通知", description = "告知申请部门、提醒、超期报告（R14、R27）")
@RestController
@Validated
class NotificationController {

  private final Notifications notifications;
  private final Deliveries deliveries;
  private final Preferences preferences;

  NotificationController(Notifications notifications, Deliveries deliveries, Preferences preferences) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.preferences = preferences;
  }

  /** The caller's own notifications and those of its groups, newest first. */
  @Operation(operationId = "listNotifications", summary = "本人和本部门收到的通知")
  @GetMapping("/api/notifications")
  List<Notification> mine(Caller caller, @RequestParam(required = false) String refType,
      @RequestParam(required = false) String refId,
      @RequestParam(defaultValue = "100") @ListLimit int limit) {
    return notifications.forRecipient(caller.userId(), caller.groups(), refType, refId, limit);
  }

  /**
   * How the caller's notifications (own and their groups') went out, newest first; {@code failed=true}: only
   * those that gave up or are uncertain, for supervisors and administrators everyone's.
   */
  @Operation(operationId = "listDeliveries", summary = "通知的发送情况（邮件、Webhook）")
  @GetMapping("/api/notifications/deliveries")
  List<DeliveryView> deliveries(Caller caller, @RequestParam(defaultValue = "false") boolean failed,
      @RequestParam(defaultValue = "100") @ListLimit int limit) {
    return deliveries.visibleTo(caller, failed, limit);
  }

  /** Sends a delivery that gave up or is uncertain again (supervisors, administrators). */
  @Operation(operationId = "retryDelivery", summary = "重新发送失败或不确定的通知")
  @PostMapping("/api/notifications/deliveries/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void retry(Caller caller, @PathVariable long id) {
    deliveries.retry(caller, id);
  }

  /** The caller's choice of channels, within what the administrator allows. */
  @Operation(operationId = "getNotificationPreferences", summary = "本人的通知方式")
  @GetMapping("/api/notifications/preferences")
  Map<String, Object> preferences(Caller caller) {
    return preferences.view(caller);
  }

  @Operation(operationId = "setNotificationPreferences", summary = "选择通知方式")
  @PutMapping("/api/notifications/preferences")
  Map<String, Object> choose(Caller caller, @RequestBody PreferenceInput input) {
    if (input.mail() == null) {
      throw ApiException.badRequest("mail", "mail 必填 (true/false)");
    }
    if (input.webhook() == null) {
      throw ApiException.badRequest("webhook", "webhook 必填 (true/false)");
    }
    return preferences.choose(caller, input.mail(), input.webhook());
  }

  record PreferenceInput(Boolean mail, Boolean webhook) {
  }
}
