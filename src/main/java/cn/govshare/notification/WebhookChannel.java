package cn.govshare.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A JSON POST to the department's or user's webhook, signed with its secret: header {@value #SIGNATURE_HEADER}
 * = {@code sha256=} + hex HMAC-SHA256 of the body's bytes; header {@value #KEY_HEADER} (also in the default
 * body) is the same on every attempt, so a receiver drops a repeat (docs/notifications.md).
 */
@Component
class WebhookChannel implements ChannelSender {

  static final String SIGNATURE_HEADER = "X-GovShare-Signature";
  static final String KEY_HEADER = "Idempotency-Key";
  private static final String HMAC = "HmacSHA256";

  private final Recipients recipients;
  private final NotificationSettings settings;
  private final HttpClient http;

  WebhookChannel(Recipients recipients, NotificationSettings settings) {
    this.recipients = recipients;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  public String send(Delivery delivery) throws DeliveryFailure {
    Webhook webhook = recipients.webhookFor(delivery.notification());
    if (webhook == null) {
      return null;
    }
    byte[] body = WebhookBody.render(webhook.template(), delivery.idempotencyKey(), delivery.notification())
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(settings.webhookTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header(KEY_HEADER, delivery.idempotencyKey())
        .header(SIGNATURE_HEADER, signature(webhook.secret(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      // never the URL: it may carry the messenger's access token
      throw new DeliveryFailure("连接失败: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("发送被中断");
    }
    if (status / 100 != 2) {
      throw new DeliveryFailure("接收方答复 HTTP " + status);
    }
    return webhook.ownerType() + ":" + webhook.owner();
  }

  /** {@code sha256=<hex HMAC-SHA256 of body with secret>}: what a receiver recomputes to verify. */
  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC, e);
    }
  }
}
