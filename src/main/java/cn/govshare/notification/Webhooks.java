package cn.govshare.notification;

import cn.govshare.ApiException;
import cn.govshare.audit.AuditTrail;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook settings, administered in GovShare by administrators: URL (http/https), secret (write-only, never
 * shown back), template; every change is an audit record (R26).
 */
@Service
class Webhooks {

  static final int MIN_SECRET = 16;
  private static final int MAX_SECRET = 255;
  private static final int MAX_URL = 1000;
  private static final int MAX_TEMPLATE = 2000;
  private static final String OBJECT_TYPE = "NOTIFICATION_WEBHOOK";

  private final ChannelMapper mapper;
  private final DepartmentService departments;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final Clock clock;

  Webhooks(ChannelMapper mapper, DepartmentService departments, IdentityService identity, AuditTrail audit,
      Clock clock) {
    this.mapper = mapper;
    this.departments = departments;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  record WebhookInput(String url, String secret, String template, Boolean enabled) {
  }

  List<Map<String, Object>> all(Caller caller) {
    requireAdmin(caller);
    return mapper.webhooks().stream().map(Webhooks::view).toList();
  }

  @Transactional
  Map<String, Object> save(Caller caller, String ownerTypeText, String owner, WebhookInput input) {
    requireAdmin(caller);
    Webhook.OwnerType ownerType = ownerType(ownerTypeText);
    requireOwner(ownerType, owner);
    String url = url(input.url());
    Webhook existing = mapper.findWebhook(ownerType, owner);
    String secret = input.secret() == null && existing != null ? existing.secret() : secret(input.secret());
    String template = template(input.template());
    boolean enabled = input.enabled() == null || input.enabled();
    Webhook saved = new Webhook(null, ownerType, owner, url, secret, template, enabled, clock.instant(),
        caller.userId());
    if (existing == null) {
      mapper.insertWebhook(saved);
    } else {
      mapper.updateWebhook(saved);
    }
    audit.record(caller, existing == null ? "WEBHOOK_CREATED" : "WEBHOOK_CHANGED", OBJECT_TYPE,
        ownerType + ":" + owner, AuditTrail.OK, "url=" + shown(url) + ", 密钥" + (input.secret() == null ? "未变" : "已设置")
            + ", 模板=" + (template == null ? "默认" : "自定义") + ", enabled=" + enabled, concerns(ownerType, owner));
    return view(saved);
  }

  @Transactional
  void delete(Caller caller, String ownerTypeText, String owner) {
    requireAdmin(caller);
    Webhook.OwnerType ownerType = ownerType(ownerTypeText);
    if (mapper.deleteWebhook(ownerType, owner) == 0) {
      throw ApiException.notFound("没有 " + ownerType + ":" + owner + " 的 webhook");
    }
    audit.record(caller, "WEBHOOK_DELETED", OBJECT_TYPE, ownerType + ":" + owner, AuditTrail.OK, null,
        concerns(ownerType, owner));
  }

  private static Map<String, Object> view(Webhook webhook) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ownerType", webhook.ownerType());
    view.put("owner", webhook.owner());
    view.put("url", shown(webhook.url()));
    view.put("secretSet", webhook.secret() != null);
    view.put("template", webhook.template());
    view.put("enabled", webhook.enabled());
    view.put("updatedAt", webhook.updatedAt());
    view.put("updatedBy", webhook.updatedBy());
    return view;
  }

  /** The URL without its query: messengers put the access token there (企业微信 key=, 钉钉 access_token=). */
  static String shown(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有管理员可以设置通知渠道");
    }
  }

  private static Webhook.OwnerType ownerType(String text) {
    try {
      return Webhook.OwnerType.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("ownerType", "ownerType 须为 department 或 user: " + text);
    }
  }

  private void requireOwner(Webhook.OwnerType ownerType, String owner) {
    boolean exists = ownerType == Webhook.OwnerType.DEPARTMENT ? departments.find(owner).isPresent()
        : identity.createUserQuery().userId(owner).count() == 1;
    if (!exists) {
      throw ApiException.badRequest("owner", "没有" + (ownerType == Webhook.OwnerType.DEPARTMENT ? "部门 " : "用户 ")
          + owner);
    }
  }

  private static String url(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.badRequest("url", "url 必填");
    }
    if (url.length() > MAX_URL) {
      throw ApiException.badRequest("url", "url 不能超过 " + MAX_URL + " 个字符");
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
        throw ApiException.badRequest("url", "url 须为 http 或 https 地址 (不含用户名密码)");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("url", "url 无效: " + e.getReason());
    }
  }

  private static String secret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw ApiException.badRequest("secret", "secret 必填 (新建 webhook 时)");
    }
    if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
      throw ApiException.badRequest("secret", "secret 须为 " + MIN_SECRET + ".." + MAX_SECRET + " 个字符");
    }
    return secret;
  }

  private static String template(String template) {
    if (template == null || template.isBlank()) {
      return null;
    }
    if (template.length() > MAX_TEMPLATE) {
      throw ApiException.badRequest("template", "template 不能超过 " + MAX_TEMPLATE + " 个字符");
    }
    String problem = WebhookBody.problem(template);
    if (problem != null) {
      throw ApiException.badRequest("template", problem);
    }
    return template;
  }

  private static Set<String> concerns(Webhook.OwnerType ownerType, String owner) {
    return ownerType == Webhook.OwnerType.DEPARTMENT ? Set.of(owner) : Set.of();
  }
}
