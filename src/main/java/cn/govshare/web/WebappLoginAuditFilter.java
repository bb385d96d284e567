package cn.govshare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Watches the web apps' login ({@code POST /camunda/api/admin/auth/user/default/login/<app>}, form field
 * {@code username}); a refused login is reported like a refused HTTP Basic call. The body is left to
 * Camunda and read afterwards from a copy, for the user name only; the password is never looked at.
 */
class WebappLoginAuditFilter extends OncePerRequestFilter {

  static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";
  private static final int MAX_BODY = 8192;

  private final AuthenticationListener listener;

  WebappLoginAuditFilter(AuthenticationListener listener) {
    this.listener = listener;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingRequestWrapper copy = new ContentCachingRequestWrapper(request, MAX_BODY);
    chain.doFilter(copy, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
      // Camunda read the body (wrong password: 401) or refused before reading it (no CSRF token: 403)
      byte[] body = copy.getContentAsByteArray();
      String user = body.length > 0 ? username(body) : request.getParameter("username");
      listener.loginFailed(user, request.getRemoteAddr(), "网页登录 "
          + request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1));
    }
  }

  private static String username(byte[] body) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      if (pair.startsWith("username=")) {
        return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
