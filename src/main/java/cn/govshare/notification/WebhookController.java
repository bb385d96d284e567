package cn.govshare.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.govshare.org.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks of departments and users, for administrators; secrets are accepted, never returned. */
@Tag(name = "通知")
@RestController
class WebhookController {

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Operation(operationId = "listWebhooks", summary = "部门和用户的 Webhook（管理员）")
  @GetMapping("/api/notifications/webhooks")
  List<Map<String, Object>> all(Caller caller) {
    return webhooks.all(caller);
  }

  @Operation(operationId = "saveWebhook", summary = "设置 Webhook（管理员）")
  @PutMapping("/api/notifications/webhooks/{ownerType}/{owner}")
  Map<String, Object> save(Caller caller, @PathVariable String ownerType, @PathVariable String owner,
      @RequestBody Webhooks.WebhookInput input) {
    return webhooks.save(caller, ownerType, owner, input);
  }

  @Operation(operationId = "deleteWebhook", summary = "删除 Webhook（管理员）")
  @DeleteMapping("/api/notifications/webhooks/{ownerType}/{owner}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Caller caller, @PathVariable String ownerType, @PathVariable String owner) {
    webhooks.delete(caller, ownerType, owner);
  }
}
