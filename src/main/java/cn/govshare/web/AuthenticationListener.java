package cn.govshare.web;

/** Told of every failed login, so the audit trail can record it (R26). */
public interface AuthenticationListener {

  /** {@code channel}: how the login was tried (HTTP Basic on the APIs, the web apps' login form). */
  void loginFailed(String userId, String remoteAddress, String channel);
}
