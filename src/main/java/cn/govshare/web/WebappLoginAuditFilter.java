package cn.govshare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Watches the web apps' login ({@code POST /camunda/api/admin/auth/user/default/login/<app>}, form field
 * {@code username}); a refused login is reported like a refused HTTP Basic call. The password is never read.
 */
class WebappLoginAuditFilter extends OncePerRequestFilter {

  static final String URL_PATTERN = "/camunda/api/admin/auth/user/*";

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
    // read before the chain: Camunda's resource takes its @FormParam values from the parsed parameters
    String username = request.getParameter("username");
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
      listener.loginFailed(username, request.getRemoteAddr(), "网页登录 " + request.getRequestURI()
          .substring(request.getRequestURI().lastIndexOf('/') + 1));
    }
  }
}
