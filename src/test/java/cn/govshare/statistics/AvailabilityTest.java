package cn.govshare.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

  private static final Instant NINE = Instant.parse("2025-03-03T01:00:00Z");
  private static final Duration GAP = Duration.ofMinutes(10);

  private static Instant at(int minutes) {
    return NINE.plus(Duration.ofMinutes(minutes));
  }

  private static Probe probe(int minutes, boolean up) {
    return new Probe("RK-001", "gaj", at(minutes), up, up ? "OK" : "HTTP 503");
  }

  @Test
  void timeUpOverTimeObservedBetweenProbes() {
    // up 0-5, down 5-10, up 10-20 (last probe speaks for at most the gap): 15 of 20 minutes up
    Availability.Result result = Availability.compute(List.of(probe(0, true), probe(5, false), probe(10, true)),
        List.of(), at(0), at(60), GAP);
    assertThat(result.observedSeconds()).isEqualTo(20 * 60);
    assertThat(result.upSeconds()).isEqualTo(15 * 60);
    assertThat(result.rate()).isEqualTo(0.75);
  }

  @Test
  void aReportedOutageIsDownEvenWhereProbesSaidUpAndObservedWhereNoProbeRan() {
    Outage outage = new Outage(1L, "RK-001", "gaj", at(4), at(30), "机房断电", "gaj-reviewer", at(31));
    Availability.Result result = Availability.compute(List.of(probe(0, true), probe(5, true)), List.of(outage),
        at(0), at(60), GAP);
    // probes observe 0-15, the outage 4-30: observed 0-30, up only 0-4
    assertThat(result.observedSeconds()).isEqualTo(30 * 60);
    assertThat(result.upSeconds()).isEqualTo(4 * 60);
  }

  @Test
  void theProbeBeforeTheWindowSpeaksForItsStartAndNothingOutsideCounts() {
    Availability.Result result = Availability.compute(List.of(probe(-5, false), probe(2, true)), List.of(), at(0),
        at(6), GAP);
    assertThat(result.observedSeconds()).isEqualTo(6 * 60);
    assertThat(result.upSeconds()).isEqualTo(4 * 60);
  }

  @Test
  void nothingObservedHasNoRate() {
    assertThat(Availability.compute(List.of(), List.of(), at(0), at(60), GAP).rate()).isNull();
  }
}
