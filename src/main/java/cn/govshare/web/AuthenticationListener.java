package cn.govshare.web;

/** Told of every failed login, so the audit trail can record it (R26). */
public interface AuthenticationListener {

  void loginFailed(String userId, String remoteAddress);
}
