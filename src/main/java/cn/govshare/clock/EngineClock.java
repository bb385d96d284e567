package cn.govshare.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of GovShare: it reads the Camunda engine clock, so moving time for a demo moves
 * GovShare's deadlines and the engine's timers together (SPEC §7).
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new EngineClock(newZone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
