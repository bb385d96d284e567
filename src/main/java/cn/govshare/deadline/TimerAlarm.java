package cn.govshare.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the job executor when a timer comes due (R27, issue 25). Idle, Camunda's job acquisition polls every
 * {@code camunda.bpm.job-execution.wait-time-in-millis}, backing off to {@code max-wait} (10 s), so a reminder or a
 * breach was raised up to that long after its instant. This alarm keeps the earliest future due instant of any
 * timer (one index dive, {@link DeadlineJobsMapper#nextDueAfter}), read again every
 * {@code govshare.deadline.alarm-refresh} for timers other nodes create, and compares it with the clock every
 * {@code govshare.deadline.alarm-tick}: once the instant has passed it wakes the acquisition, as a new job does,
 * and reads the next one. It decides nothing: which job runs, and when it is due, stay the engine's.
 */
@Component
class TimerAlarm implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(TimerAlarm.class);

  private final Supplier<JobExecutor> jobExecutor;
  /** The earliest due instant of any timer after the one given (null: none). */
  private final UnaryOperator<Instant> nextDueAfter;
  private final Clock clock;
  private final Duration tick;
  private final long ticksPerRefresh;
  private volatile Instant next;
  /** The clock at the last read: a refresh looks for timers due after it, so none the clock passed is missed. */
  private Instant lastLook;
  private long ticks;
  private ScheduledExecutorService thread;

  @Autowired
  TimerAlarm(ProcessEngine engine, DeadlineJobsMapper jobs, Clock clock,
      @Value("${govshare.deadline.alarm-tick}") Duration tick,
      @Value("${govshare.deadline.alarm-refresh}") Duration refresh) {
    this(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor(),
        jobs::nextDueAfter, clock, tick, refresh);
  }

  TimerAlarm(Supplier<JobExecutor> jobExecutor, UnaryOperator<Instant> nextDueAfter, Clock clock, Duration tick,
      Duration refresh) {
    this.jobExecutor = jobExecutor;
    this.nextDueAfter = nextDueAfter;
    this.clock = clock;
    this.tick = tick;
    this.ticksPerRefresh = Math.max(1, refresh.toMillis() / Math.max(1, tick.toMillis()));
  }

  /** One look at the clock: wakes the job executor when the awaited due instant has passed; true when it did. */
  boolean tick() {
    JobExecutor executor = jobExecutor.get();
    if (executor == null || !executor.isActive()) {
      return false;
    }
    Instant now = clock.instant();
    if (ticks++ % ticksPerRefresh == 0 && (next == null || next.isAfter(now))) {
      // the refresh: timers created since the last look, also those the clock has meanwhile passed
      next = nextDueAfter.apply(lastLook == null || lastLook.isAfter(now) ? now : lastLook);
      lastLook = now;
    }
    if (next == null || now.isBefore(next)) {
      return false;
    }
    executor.jobWasAdded();
    next = nextDueAfter.apply(now);
    lastLook = now;
    return true;
  }

  /** The due instant awaited now (null: no timer after the last look). */
  Instant awaited() {
    return next;
  }

  void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      // the database is away: the acquisition's own polling still finds every due job, only later
      // (not woken again until then: no burst of wake-ups and warnings while it is away)
      next = null;
      LOG.warn("timer alarm: next due instant not read, retried at the next refresh: {}", e.toString());
    }
  }

  @Override
  public void start() {
    if (tick.isZero() || tick.isNegative()) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread alarm = new Thread(runnable, "timer-alarm");
      alarm.setDaemon(true);
      return alarm;
    });
    thread.scheduleWithFixedDelay(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (thread != null) {
      // no interrupt: an interrupted H2 file read can close the database file (as for the audit sealer)
      thread.shutdown();
      try {
        thread.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
