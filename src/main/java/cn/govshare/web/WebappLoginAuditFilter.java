package cn.govshare.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Watches the web apps' login ({@code POST /camunda/api/admin/auth/user/default/login/<app>}, form field
 * {@code username}): throttled like HTTP Basic ({@link LoginThrottle}: 429 before Camunda sees the password)
 * and a refused password (401) reported to the audit. A login Camunda's CSRF filter refuses (403, no
 * {@code X-XSRF-TOKEN}) never reached the password check: it is no failed login (issue 18 class 8).
 * The password is never looked at.
 */
class WebappLoginAuditFilter extends OncePerRequestFilter {

  static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

  private final AuthenticationListener listener;
  private final LoginThrottle throttle;
  private final ObjectMapper json;

  WebappLoginAuditFilter(AuthenticationListener listener, LoginThrottle throttle, ObjectMapper json) {
    this.listener = listener;
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the form body is parsed by the container here; Camunda's @FormParam reads the same parameters
    String user = request.getParameter("username");
    String address = request.getRemoteAddr();
    String channel = "网页登录 " + request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
    Optional<Duration> wait = throttle.blocked(address, user);
    if (wait.isPresent()) {
      listener.loginThrottled(address, channel);
      BasicAuthenticationFilter.tooManyAttempts(response, json, wait.get());
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, user);
      listener.loginFailed(user, address, channel);
    } else if (status < 300) {
      throttle.succeeded(user);
    }
  }
}
