package cn.govshare;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moving the engine clock to fixed, named dates (STYLE) and waiting for the job executor, for tests. */
public final class EngineTime {

  private EngineTime() {
  }

  /** e.g. {@code 2026-01-04T09:00:00+08:00} as a Date. */
  public static Date date(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }

  /** Moves the engine clock (and with it GovShare's {@code Clock}). */
  public static void at(String time) {
    ClockUtil.setCurrentTime(date(time));
  }

  /** Waits up to 30 s for the job executor (a timer firing). */
  public static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
