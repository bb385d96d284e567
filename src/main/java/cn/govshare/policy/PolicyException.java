package cn.govshare.policy;

/** A policy profile that cannot be used: unknown name or malformed file. Stops start-up. */
public class PolicyException extends RuntimeException {

  public PolicyException(String message) {
    super(message);
  }
}
