package cn.govshare.supervision;

/**
 * Where a rectification order stands (责令改正, R29). ISSUED while the department's head owes the answer; LAPSED
 * when the limit passed without one (the order is then itself a violation and escalated); ANSWERED while the
 * issuer reviews; ACCEPTED when the issuer accepts; CANCELLED when its process ended otherwise. Sending back
 * returns it to ISSUED. Changed only by {@link RectificationTransitions}.
 */
public enum RectificationState {
  ISSUED, LAPSED, ANSWERED, ACCEPTED, CANCELLED;

  boolean open() {
    return this == ISSUED || this == LAPSED || this == ANSWERED;
  }
}
