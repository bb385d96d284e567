package cn.govshare.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON a webhook receives: the default body, or the administrator's template with {@code {{name}}}
 * placeholders inside JSON strings (e.g. 政务微信/钉钉 {@code {"msgtype":"text","text":{"content":"{{subject}}"}}}).
 * Values are JSON-escaped; the result must be JSON.
 */
final class WebhookBody {

  static final String PLACEHOLDERS = "idempotencyKey, notificationId, category, subject, body, recipientType, "
      + "recipient, refType, refId, createdAt";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBody() {
  }

  static String render(String template, String idempotencyKey, Notification notification) {
    Map<String, Object> values = values(idempotencyKey, notification);
    try {
      if (template == null || template.isBlank()) {
        return JSON.writeValueAsString(values);
      }
      return fill(template, values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("webhook body", e);
    }
  }

  /** Null when the template is usable, else why not. */
  static String problem(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group(1))) {
        return "未知占位符 {{" + matcher.group(1) + "}}，可用: " + PLACEHOLDERS;
      }
    }
    try {
      String sample = fill(template, values("00000000-0000-0000-0000-000000000000", new Notification(0L,
          Instant.EPOCH, Notifications.USER, "user", "CATEGORY", "标题 \"引号\"", "正文\n第二行", "REF", "1")));
      JSON.readTree(sample);
      return null;
    } catch (JsonProcessingException e) {
      return "模板填入内容后不是有效的 JSON: " + e.getOriginalMessage();
    }
  }

  private static Map<String, Object> values(String idempotencyKey, Notification notification) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("idempotencyKey", idempotencyKey);
    values.put("notificationId", notification.id());
    values.put("category", notification.category());
    values.put("subject", notification.subject());
    values.put("body", notification.body());
    values.put("recipientType", notification.recipientType());
    values.put("recipient", notification.recipient());
    values.put("refType", notification.refType());
    values.put("refId", notification.refId());
    values.put("createdAt", notification.createdAt().toString());
    return values;
  }

  private static String fill(String template, Map<String, Object> values) throws JsonProcessingException {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      String quoted = JSON.writeValueAsString(value == null ? "" : String.valueOf(value));
      matcher.appendReplacement(out, Matcher.quoteReplacement(quoted.substring(1, quoted.length() - 1)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
