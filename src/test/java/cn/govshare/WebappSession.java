package cn.govshare;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The web apps' session door as Tasklist uses it: login cookie plus X-XSRF-TOKEN, then the engine API at
 * /camunda/api/engine/engine/default/... (password = user id, SPEC §4).
 */
public final class WebappSession {

  public static final String ENGINE = "/camunda/api/engine/engine/default";

  private final int port;
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String token;

  private WebappSession(int port) {
    this.port = port;
  }

  public static WebappSession login(int port, String userId) {
    WebappSession session = new WebappSession(port);
    HttpResponse<String> page = session.exchange(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")));
    session.token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(userId, StandardCharsets.UTF_8);
    HttpResponse<String> login = session.exchange(HttpRequest.newBuilder(
            session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("web login of " + userId + " refused: " + login.statusCode());
    }
    // the login starts a new session with a new CSRF token, handed out on the next read
    HttpResponse<String> read = session.exchange(HttpRequest.newBuilder(session.uri(ENGINE + "/task/count"))
        .header("Accept", "application/json"));
    session.token = read.headers().firstValue("X-XSRF-TOKEN").orElse(session.token);
    return session;
  }

  /** A request to the engine API with the session and its CSRF token. */
  public ApiClient.Response send(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(ENGINE + path)).header("X-XSRF-TOKEN", token)
        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return new ApiClient.Response(exchange(request));
  }

  /** A JSON request to the engine API ({@code body} null: none). */
  public ApiClient.Response send(String method, String path, Object body) {
    try {
      return body == null ? send(method, path, new byte[0], null)
          : send(method, path, ApiClient.JSON.writeValueAsBytes(body), "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GET of any path of the application (not only the engine API) with the session's cookie. */
  public ApiClient.Response read(String path) {
    return new ApiClient.Response(exchange(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")));
  }

  /** The body of a GET on the engine API. */
  public String get(String path) {
    return send("GET", path, null).text();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
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
