package cn.govshare.clock;

/**
 * An administrator moved or reset the clock (SPEC §7). Published synchronously; the audit package
 * records it (R26) — the clock stays below the audit in the package order.
 *
 * @param action {@code CLOCK_SET} or {@code CLOCK_RESET}
 */
public record ClockMoved(String userId, String action, String detail) {

  public static final String SET = "CLOCK_SET";
  public static final String RESET = "CLOCK_RESET";
}
