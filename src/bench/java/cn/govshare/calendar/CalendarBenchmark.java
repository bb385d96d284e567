package cn.govshare.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH benchmark of the working-day calendar (docs/performance.md, "Calendar"), on demand:
 * {@code mvn -Pbench test -Dtest=CalendarBenchmark}. {@code due(…, n)} for n = 1, 15, 250 against a
 * naive day-by-day loop over the same data, in one run. Receipt instants walk across 2015–2026 so that
 * no single cached answer is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {

  private static final long FIRST_SECOND = LocalDate.of(2015, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long SPAN_SECONDS = 11L * 365 * 86_400;

  @State(Scope.Thread)
  public static class Calendar {
    @Param({"1", "15", "250"})
    public int n;

    WorkingCalendar calendar;
    long cursor;

    @Setup
    public void setUp() {
      calendar = WorkingCalendar.official(Clock.systemUTC());
    }

    Instant next() {
      cursor = (cursor + 86_400L * 37 + 3_607) % SPAN_SECONDS;
      return Instant.ofEpochSecond(FIRST_SECOND + cursor);
    }
  }

  @Benchmark
  public Due due(Calendar state) {
    return state.calendar.due(state.next(), state.n);
  }

  /** What GovShare replaces: count working days one calendar day at a time (same data, same answer). */
  @Benchmark
  public LocalDate naiveLoop(Calendar state) {
    LocalDate day = CalendarData.dateOf(state.next());
    int counted = 0;
    while (counted < state.n) {
      day = day.plusDays(1);
      if (state.calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  @Benchmark
  public int workingDaysBetweenOneYear(Calendar state) {
    LocalDate from = CalendarData.dateOf(state.next());
    return state.calendar.workingDaysBetween(from, from.plusDays(365));
  }

  @Test
  void run() throws Exception {
    Options options = new OptionsBuilder()
        .include(CalendarBenchmark.class.getName())
        .forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Xmx512m")
        .build();
    new Runner(options).run();
  }
}
