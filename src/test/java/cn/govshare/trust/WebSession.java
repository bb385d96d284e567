package cn.govshare.trust;

import cn.govshare.ApiClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session on the web apps: logged in at Tasklist's login form with the CSRF token, then calling the
 * engine API the web apps use ({@code /camunda/api/engine/engine/default/...}) with the session cookie.
 */
final class WebSession {

  static final String ENGINE = "/camunda/api/engine/engine/default";

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private String token;

  private WebSession(int port) {
    this.port = port;
  }

  static WebSession login(int port, String user) {
    WebSession session = new WebSession(port);
    HttpResponse<String> page = session.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")));
    session.token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(
            session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("web login of " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    login.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> session.token = t);
    return session;
  }

  /** What the web app's engine API answered. */
  record Reply(int status, String body) {
  }

  Reply send(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(ENGINE + path)).header("X-XSRF-TOKEN", token)
          .header("Accept", "application/json");
      HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
      if (body != null) {
        String json = ApiClient.JSON.writeValueAsString(body);
        publisher = HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response = send(request.method(method, publisher));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String get(String path) {
    return send(HttpRequest.newBuilder(uri(ENGINE + path)).header("X-XSRF-TOKEN", token)
        .header("Accept", "application/json")).body();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
