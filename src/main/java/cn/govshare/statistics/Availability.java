package cn.govshare.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * R27: availability of one resource in a window = time up / time observed. A probe speaks for the time until the
 * next probe, at most {@code maxGap} (twice the probe interval: a silent platform observes nothing); a reported
 * outage is observed and down for its whole length, whatever the probes said.
 */
final class Availability {

  private Availability() {
  }

  /** Seconds observed and seconds up of the window [from, to). */
  record Result(long observedSeconds, long upSeconds) {

    Double rate() {
      return observedSeconds == 0 ? null : Math.round(10000.0 * upSeconds / observedSeconds) / 10000.0;
    }
  }

  private record Span(Instant start, Instant end, boolean up) {
  }

  /** {@code probes} in time order (the one before {@code from} included). */
  static Result compute(List<Probe> probes, List<Outage> outages, Instant from, Instant to, Duration maxGap) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      Instant limit = probe.probedAt().plus(maxGap);
      Instant next = i + 1 < probes.size() && probes.get(i + 1).probedAt().isBefore(limit)
          ? probes.get(i + 1).probedAt() : limit;
      spans.add(new Span(probe.probedAt(), next, probe.up()));
    }
    TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
    for (Span span : spans) {
      cuts.add(span.start());
      cuts.add(span.end());
    }
    for (Outage outage : outages) {
      cuts.add(outage.startedAt());
      cuts.add(outage.endedAt());
    }
    long observed = 0;
    long up = 0;
    Instant previous = null;
    for (Instant cut : cuts.subSet(from, true, to, true)) {
      if (previous != null) {
        Instant middle = previous.plus(Duration.between(previous, cut).dividedBy(2));
        boolean outage = outages.stream().anyMatch(o -> contains(o.startedAt(), o.endedAt(), middle));
        Span probed = spans.stream().filter(s -> contains(s.start(), s.end(), middle)).reduce((a, b) -> b)
            .orElse(null);
        long seconds = Duration.between(previous, cut).toSeconds();
        if (outage || probed != null) {
          observed += seconds;
          if (!outage && probed.up()) {
            up += seconds;
          }
        }
      }
      previous = cut;
    }
    return new Result(observed, up);
  }

  private static boolean contains(Instant start, Instant end, Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
