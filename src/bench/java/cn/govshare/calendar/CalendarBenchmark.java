package cn.govshare.calendar;

import cn.govshare.clock.Zones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * JMH benchmark of the working-day calendar (docs/performance.md, "## Calendar"), on demand:
 * {@code mvn -Pbench test -Dtest=CalendarBenchmark}. Inputs walk across 2015–2026 so that no single
 * cached answer is measured; results print as a JMH table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {

  private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
  private static final int SPAN_DAYS = 365 * 11;

  @Param({"5", "10", "20", "60"})
  public int workingDays;

  private WorkingCalendar calendar;
  private int cursor;

  @Setup
  public void setUp() {
    calendar = WorkingCalendar.official(Clock.systemUTC());
  }

  private LocalDate nextDay() {
    cursor = (cursor + 37) % SPAN_DAYS;
    return FIRST.plusDays(cursor);
  }

  @Benchmark
  public Day dayKind() {
    return calendar.dayKind(nextDay());
  }

  @Benchmark
  public Due due() {
    Instant received = nextDay().atTime(10, 0).atZone(Zones.SHANGHAI).toInstant();
    return calendar.due(received, workingDays);
  }

  @Benchmark
  public int workingDaysBetweenOneYear() {
    LocalDate from = nextDay();
    return calendar.workingDaysBetween(from, from.plusDays(365));
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
