package cn.govshare.web;

import cn.govshare.federation.api.FederationPaths;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the Camunda identity for {@code /api/*} and {@code /engine-rest/*}: 401 problem
 * detail with {@code WWW-Authenticate: Basic} without valid credentials. For /engine-rest the engine
 * authentication is set so Camunda authorizations apply; for /api the {@link Caller} is attached to the
 * request and GovShare's services check access themselves. Failed logins are throttled per address and
 * account ({@link LoginThrottle}): 429 with {@code Retry-After}, the password unchecked.
 *
 * <p>{@code optional} (the actuator): without credentials the request goes on anonymously; with valid ones
 * it carries the caller as principal and the caller's groups as roles (health details: issue 18 class 8).
 */
class BasicAuthenticationFilter extends OncePerRequestFilter {

  static final String CALLER = BasicAuthenticationFilter.class.getName() + ".caller";
  static final String CHANNEL = "HTTP Basic";
  /** The /api paths the web apps' session may read: a task's case file (issue 20), nothing else. */
  static final Pattern SESSION_READABLE = Pattern.compile("/api/tasks/[^/]+/case-file");
  /** Issue 24: what the open-data portal answers without login (nanchang 19: the open catalogue is public). */
  static final Pattern ANONYMOUS = Pattern.compile("GET /api/public/(portal|catalog)|POST /api/public/accounts");
  private static final String ENGINE = "default";

  private final IdentityService identity;
  private final CallerResolver callers;
  private final ObjectMapper json;
  private final AuthenticationListener listener;
  private final LoginThrottle throttle;
  private final boolean optional;

  BasicAuthenticationFilter(IdentityService identity, CallerResolver callers, ObjectMapper json,
      AuthenticationListener listener, LoginThrottle throttle, boolean optional) {
    this.identity = identity;
    this.callers = callers;
    this.json = json;
    this.listener = listener;
    this.throttle = throttle;
    this.optional = optional;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      if (optional) {
        chain.doFilter(request, response);
        return;
      }
      if (ANONYMOUS.matcher(request.getMethod() + " " + request.getRequestURI()
          .substring(request.getContextPath().length())).matches()) {
        chain.doFilter(request, response);
        return;
      }
      Caller signedIn = webappSessionCaller(request);
      if (signedIn != null) {
        request.setAttribute(CALLER, signedIn);
        chain.doFilter(request, response);
        return;
      }
      unauthorized(request, response, "需要 HTTP Basic 认证 (authentication required)");
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.blocked(address, credentials[0]);
    if (wait.isPresent()) {
      listener.loginThrottled(address, CHANNEL);
      tooManyAttempts(response, json, wait.get());
      return;
    }
    Caller caller;
    try {
      caller = callers.authenticate(credentials[0], credentials[1]).orElse(null);
    } catch (RuntimeException e) {
      if (!DatabaseFailures.isConnectionFailure(e)) {
        throw e;
      }
      // R30: a lost database is a 503 the client can retry, never a 500 or a hang.
      problem(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "数据库暂不可用，请稍后重试", null));
      return;
    }
    if (caller == null) {
      throttle.failed(address, credentials[0]);
      listener.loginFailed(credentials[0], address, CHANNEL);
      unauthorized(request, response, "用户名或密码错误，或账户已锁定 (invalid credentials)");
      return;
    }
    throttle.succeeded(credentials[0]);
    if (caller.isMember(FederationPaths.PEERS_GROUP) && !optional
        && !request.getRequestURI().startsWith(request.getContextPath() + FederationPaths.BASE + "/")) {
      // R24: a lower platform's service account speaks the federation API only, never /api or /engine-rest
      problem(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
          "联邦服务账户只能调用 " + FederationPaths.BASE + " (federation peers use the federation API only)", null));
      return;
    }
    request.setAttribute(CALLER, caller);
    if (optional) {
      chain.doFilter(new AuthenticatedRequest(request, caller), response);
      return;
    }
    boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
    if (engineRest) {
      identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      if (engineRest) {
        identity.clearAuthentication();
      }
    }
  }

  /**
   * Tasklist's script reads a task's case file with the web apps' session (it has no password to send): only a
   * GET of {@link #SESSION_READABLE}, only for the user signed in to the web apps, resolved afresh (groups, department).
   */
  private Caller webappSessionCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !"GET".equals(request.getMethod())
        || !SESSION_READABLE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
      return null;
    }
    Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(ENGINE);
    return user == null ? null : callers.resolve(user.getName());
  }

  private static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    // Script clients (the applicant page) ask not to get the browser's own login dialog.
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"GovShare\", charset=\"UTF-8\"");
    }
    problem(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail, null));
  }

  private void problem(HttpServletResponse response, ProblemDetail problem) throws IOException {
    problem(response, json, problem);
  }

  /** Issue 18 class 6: 429 with the seconds to wait, as a problem detail. */
  static void tooManyAttempts(HttpServletResponse response, ObjectMapper json, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
        "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed logins)", null);
    problem.setProperty("retryAfterSeconds", seconds);
    problem(response, json, problem);
  }

  private static void problem(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The caller as the servlet principal, the caller's groups as roles. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final Caller caller;

    AuthenticatedRequest(HttpServletRequest request, Caller caller) {
      super(request);
      this.caller = caller;
    }

    @Override
    public Principal getUserPrincipal() {
      return caller::userId;
    }

    @Override
    public String getRemoteUser() {
      return caller.userId();
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.isMember(role);
    }
  }
}
