package cn.govshare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a user can cause, carried to one problem-detail mapping. {@code field} names the
 * input at fault, {@code rule} the SPEC rule the input broke.
 */
public class ApiException extends RuntimeException {

  /** The problem member that {@link #tooManyRequests} sets, also sent as the {@code Retry-After} header. */
  public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

  private final HttpStatus status;
  private final String type;
  private final String field;
  private final String rule;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiException(HttpStatus status, String type, String field, String rule, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.field = field;
    this.rule = rule;
  }

  public static ApiException badRequest(String field, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", field, null, detail);
  }

  public static ApiException badRequest(String field, String rule, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "rule-violated", field, rule, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, null, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", null, null, detail);
  }

  public static ApiException conflict(String field, String detail) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", field, null, detail);
  }

  /** 429 with {@code Retry-After}: the caller sent too many of these requests (issue 24: rate limits). */
  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", null, null, detail)
        .with(RETRY_AFTER_SECONDS, Math.max(1, retryAfterSeconds));
  }

  /** An extra member of the problem detail, e.g. the date from which an action is allowed. */
  public ApiException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
