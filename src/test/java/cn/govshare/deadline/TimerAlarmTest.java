package cn.govshare.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;

/** Issue 25: given timers due at known instants and an idle job executor, when the clock passes one, then … */
class TimerAlarmTest {

  private static final Instant START = Instant.parse("2025-10-16T08:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final List<Instant> timers = new ArrayList<>(List.of(START.plusSeconds(3600), START.plusSeconds(7200)));
  private final List<Instant> reads = new ArrayList<>();
  private final UnaryOperator<Instant> nextDueAfter = after -> {
    reads.add(after);
    return timers.stream().filter(due -> due.isAfter(after)).min(Instant::compareTo).orElse(null);
  };
  private final Executor executor = new Executor(true);

  @Test
  void theExecutorIsWokenOnceWhenTheEarliestTimerComesDueAndNotBefore() {
    TimerAlarm alarm = alarm(Duration.ofSeconds(5));

    assertThat(alarm.tick()).isFalse();
    assertThat(alarm.awaited()).isEqualTo(START.plusSeconds(3600));
    now.set(START.plusSeconds(3599));
    assertThat(alarm.tick()).isFalse();
    assertThat(executor.wakes).isZero();

    now.set(START.plusSeconds(3600));
    assertThat(alarm.tick()).isTrue();
    assertThat(executor.wakes).isEqualTo(1);
    assertThat(alarm.awaited()).as("the next timer, read at once").isEqualTo(START.plusSeconds(7200));
    assertThat(alarm.tick()).isFalse();
    assertThat(executor.wakes).isEqualTo(1);
  }

  @Test
  void aClockMovedPastSeveralTimersWakesTheExecutorOnceAndThenAwaitsNone() {
    TimerAlarm alarm = alarm(Duration.ofSeconds(5));
    alarm.tick();

    now.set(START.plusSeconds(86_400));
    assertThat(alarm.tick()).isTrue();
    assertThat(alarm.awaited()).isNull();
    for (int i = 0; i < 200; i++) {
      alarm.tick();
    }
    assertThat(executor.wakes).isEqualTo(1);
  }

  @Test
  void aTimerCreatedLaterIsFoundAtTheNextRefresh() {
    TimerAlarm alarm = alarm(Duration.ofMillis(300));
    alarm.tick();
    timers.add(START.plusSeconds(60));

    alarm.tick();
    alarm.tick();
    assertThat(alarm.awaited()).as("before the refresh").isEqualTo(START.plusSeconds(3600));
    alarm.tick();
    assertThat(alarm.awaited()).isEqualTo(START.plusSeconds(60));
    assertThat(reads).hasSize(2);
  }

  @Test
  void aTimerTheClockPassedBeforeItWasReadWakesTheExecutorAtTheRefresh() {
    TimerAlarm alarm = alarm(Duration.ofMillis(300));
    alarm.tick();
    timers.add(START.plusSeconds(60));
    now.set(START.plusSeconds(120));

    assertThat(alarm.tick()).isFalse();
    assertThat(alarm.tick()).isFalse();
    assertThat(alarm.tick()).as("the refresh finds the timer due since the last read").isTrue();
    assertThat(executor.wakes).isEqualTo(1);
    assertThat(alarm.awaited()).isEqualTo(START.plusSeconds(3600));
  }

  @Test
  void anInactiveExecutorIsNeitherWokenNorIsTheDatabaseRead() {
    Executor stopped = new Executor(false);
    TimerAlarm alarm = new TimerAlarm(() -> stopped, nextDueAfter, clock, Duration.ofMillis(100),
        Duration.ofSeconds(5));
    now.set(START.plusSeconds(86_400));

    assertThat(alarm.tick()).isFalse();
    assertThat(stopped.wakes).isZero();
    assertThat(reads).isEmpty();
  }

  @Test
  void aDatabaseAwayIsNotAStormOfWakeUps() {
    TimerAlarm alarm = new TimerAlarm(() -> executor, after -> {
      throw new IllegalStateException("database away");
    }, clock, Duration.ofMillis(100), Duration.ofSeconds(5));

    for (int i = 0; i < 100; i++) {
      alarm.safeTick();
    }
    assertThat(executor.wakes).isZero();
    assertThat(alarm.awaited()).isNull();
  }

  private TimerAlarm alarm(Duration refresh) {
    return new TimerAlarm(() -> executor, nextDueAfter, clock, Duration.ofMillis(100), refresh);
  }

  /** A job executor that counts the wake-ups it is given. */
  private static final class Executor extends JobExecutor {

    int wakes;

    Executor(boolean active) {
      isActive = active;
    }

    @Override
    public void jobWasAdded() {
      wakes++;
    }

    @Override
    protected void startExecutingJobs() {
    }

    @Override
    protected void stopExecutingJobs() {
    }

    @Override
    public void executeJobs(List<String> jobIds, ProcessEngineImpl engine) {
    }
  }
}
