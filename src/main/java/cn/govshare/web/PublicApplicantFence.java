package cn.govshare.web;

import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 24: a public account of the open-data portal (group {@code public-applicants}) reaches {@code /api/public/}
 * and nothing else. With HTTP Basic it is refused 403 at every other {@code /api} path and at all of
 * {@code /engine-rest} (also its own USER resource, which Camunda lets a user read and update); a web apps' session
 * of a public account (Camunda lets every user log in to the Welcome app) is ended and refused, so Tasklist,
 * Cockpit, Admin and the web apps' engine API stay closed.
 */
class PublicApplicantFence extends OncePerRequestFilter {

  static final String PUBLIC_API = "/api/public/";
  private static final String ENGINE = "default";
  private static final String PUBLIC_WEBAPPS = "公众账号不能使用政务端的 Tasklist、Cockpit 和 Admin，请使用数据开放门户 /open/";

  private final CallerResolver callers;
  private final ObjectMapper json;

  PublicApplicantFence(CallerResolver callers, ObjectMapper json) {
    this.callers = callers;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the decoded, normalised path the servlet is mapped by: /api/public/../share-requests is /api/share-requests
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith("/camunda/")) {
      if (publicSession(request)) {
        refuse(response, PUBLIC_WEBAPPS);
        return;
      }
      chain.doFilter(request, response);
      // a login just made: a public account's session dies at once
      publicSession(request);
      return;
    }
    Object caller = request.getAttribute(BasicAuthenticationFilter.CALLER);
    if (caller instanceof Caller signedIn && signedIn.isPublicApplicant() && !path.startsWith(PUBLIC_API)) {
      refuse(response, "公众账号只能使用数据开放门户的接口（" + PUBLIC_API + "），不能访问 " + path);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether a web apps' login names a public account ({@code pub-…}, a prefix no government user or group may have).
   * Such a login is refused before the password is checked ({@link WebappLoginAuditFilter}, which reads the login
   * form), so the login page shows why; the name alone decides, so the answer says nothing about whether such an
   * account exists.
   */
  static boolean publicName(String user) {
    return user != null && user.strip().toLowerCase(Locale.ROOT).startsWith(Groups.PUBLIC_PREFIX);
  }

  /** The answer to a public account at the web apps. */
  static void refuseWebapps(HttpServletResponse response, ObjectMapper json) throws IOException {
    refuse(response, json, PUBLIC_WEBAPPS);
  }

  /** Whether the request's web apps' session is a public account's; such a session is invalidated. */
  private boolean publicSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentications signedIn;
    try {
      signedIn = AuthenticationUtil.getAuthsFromSession(session);
    } catch (IllegalStateException invalidated) {
      return false;
    }
    Authentication user = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(ENGINE);
    if (user == null || !callers.resolve(user.getName()).isPublicApplicant()) {
      return false;
    }
    session.invalidate();
    return true;
  }

  private void refuse(HttpServletResponse response, String detail) throws IOException {
    refuse(response, json, detail);
  }

  private static void refuse(HttpServletResponse response, ObjectMapper json, String detail) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.FORBIDDEN, "public-applicant-fenced", detail,
        null));
  }
}
