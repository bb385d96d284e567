package cn.govshare.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Load generators: a closed loop of N workers, and an open loop at a fixed rate (latency from the schedule). */
final class Load {

  /** One operation; returns true when it succeeded. */
  interface Operation {
    boolean run(int sequence) throws Exception;
  }

  record Result(int operations, int failures, Duration elapsed, Histogram latencyMicros) {

    double perSecond() {
      return operations / (elapsed.toNanos() / 1e9);
    }

    double p50Millis() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }
  }

  private Load() {
  }

  static Result closed(int workers, int operations, Operation operation) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < operations) {
          long t0 = System.nanoTime();
          boolean ok;
          try {
            ok = operation.run(i);
          } catch (Exception e) {
            ok = false;
          }
          recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
          if (!ok) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    pool.shutdown();
    return new Result(operations, failures.get(), elapsed, recorder.getIntervalHistogram());
  }

  /** Fixed arrival rate; each latency counts from the moment the call was due, so stalls are not hidden. */
  static Result open(int perSecond, Duration duration, int maxConcurrency, Operation operation) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(maxConcurrency);
    long intervalNanos = 1_000_000_000L / perSecond;
    int total = (int) (duration.toSeconds() * perSecond);
    long started = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = started + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int sequence = i;
      pool.execute(() -> {
        boolean ok;
        try {
          ok = operation.run(sequence);
        } catch (Exception e) {
          ok = false;
        }
        recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
        if (!ok) {
          failures.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    return new Result(total, failures.get(), Duration.ofNanos(System.nanoTime() - started),
        recorder.getIntervalHistogram());
  }
}
