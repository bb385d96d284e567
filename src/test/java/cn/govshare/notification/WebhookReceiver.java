package cn.govshare.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A messenger's webhook as a receiver would write it (JDK HttpServer): verifies the HMAC-SHA256 signature of
 * the raw body with the shared secret, refuses a bad one with 401, and keeps one message per Idempotency-Key.
 */
final class WebhookReceiver implements AutoCloseable {

  record Received(String idempotencyKey, String body, boolean signatureValid) {
  }

  private final String secret;
  private final int port;
  private final List<Received> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> accepted = new ConcurrentHashMap<>();
  private HttpServer server;

  private WebhookReceiver(String secret, int port) {
    this.secret = secret;
    this.port = port;
  }

  /** Listens on a free port. */
  static WebhookReceiver start(String secret) throws IOException {
    WebhookReceiver receiver = new WebhookReceiver(secret, 0);
    receiver.listen(0);
    return receiver;
  }

  /** A receiver on a port where nothing listens yet ("down"); {@link #comeBack()} starts it. */
  static WebhookReceiver down(String secret) throws IOException {
    WebhookReceiver probe = start(secret);
    int port = probe.port();
    probe.close();
    return new WebhookReceiver(secret, port);
  }

  void comeBack() throws IOException {
    listen(port);
  }

  private void listen(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
    server.createContext("/hook", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String signature = exchange.getRequestHeaders().getFirst("X-GovShare-Signature");
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      boolean valid = signature != null && MessageDigest.isEqual(expected(body).getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII));
      String text = new String(body, StandardCharsets.UTF_8);
      requests.add(new Received(key, text, valid));
      if (valid && key != null) {
        accepted.putIfAbsent(key, text);
      }
      exchange.sendResponseHeaders(valid ? 200 : 401, -1);
      exchange.close();
    });
    server.start();
  }

  /** As docs/notifications.md tells a receiver: "sha256=" + hex HMAC-SHA256 of the raw body with the secret. */
  private String expected(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return server != null ? server.getAddress().getPort() : port;
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  /** Every request as it arrived, repeats included. */
  List<Received> requests() {
    return List.copyOf(requests);
  }

  /** What the receiver keeps: one message per idempotency key, only with a valid signature. */
  Map<String, String> accepted() {
    return Map.copyOf(accepted);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
