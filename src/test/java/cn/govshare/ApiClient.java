package cn.govshare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for tests, acting as one demo user (password = user id) or anonymously. */
public final class ApiClient {

  public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String authorization;
  private final Map<String, String> headers;

  private ApiClient(int port, String authorization) {
    this(port, authorization, Map.of());
  }

  private ApiClient(int port, String authorization, Map<String, String> headers) {
    this.port = port;
    this.authorization = authorization;
    this.headers = headers;
  }

  /** The same client sending one more header on every call (e.g. {@code Idempotency-Key}). */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(port, authorization, Map.copyOf(more));
  }

  public static ApiClient as(int port, String userId) {
    return withPassword(port, userId, userId);
  }

  public static ApiClient withPassword(int port, String userId, String password) {
    String token = Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(port, "Basic " + token);
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient(port, null);
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, "application/json");
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, "application/json");
  }

  /** Sends raw bytes, e.g. invalid UTF-8. */
  public Response sendBytes(String method, String path, byte[] body, String contentType) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json");
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return new Response(HTTP.send(request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a raw body as given, e.g. malformed JSON. */
  public Response send(String method, String path, Object body, String contentType) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      headers.forEach(request::header);
      HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
      if (body != null) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        request.header("Content-Type", contentType);
      }
      request.header("Accept", "application/json, application/problem+json, text/csv");
      HttpResponse<String> response = HTTP.send(request.method(method, publisher).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String text() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return raw.body() == null || raw.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
