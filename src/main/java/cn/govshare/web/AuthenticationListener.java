package cn.govshare.web;

/** Told of every failed or throttled login, so the audit trail can record it (R26, issue 18 class 6). */
public interface AuthenticationListener {

  /** {@code channel}: how the login was tried (HTTP Basic on the APIs, the web apps' login form). */
  void loginFailed(String userId, String remoteAddress, String channel);

  /** A login answered 429 by {@link LoginThrottle} without checking the password. */
  default void loginThrottled(String remoteAddress, String channel) {
  }
}
