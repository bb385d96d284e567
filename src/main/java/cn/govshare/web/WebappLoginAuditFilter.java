package cn.govshare.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

  /** The login form read once (at most {@code MAX_BODY} bytes) for the user name, then replayed to Camunda. */
  private static final class FormCopy extends HttpServletRequestWrapper {

    private static final int MAX_BODY = 8192;
    private final byte[] body;

    FormCopy(HttpServletRequest request) throws IOException {
      super(request);
      this.body = request.getInputStream().readNBytes(MAX_BODY);
    }

    String username() {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        if (pair.startsWith("username=")) {
          try {
            return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FormCopy copy = new FormCopy(request);
    String user = copy.username();
    request = copy;
    if (PublicApplicantFence.publicName(user)) {
      // a public account of the open-data portal never signs in to the web apps (issue 24)
      PublicApplicantFence.refuseWebapps(response, json);
      return;
    }
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
