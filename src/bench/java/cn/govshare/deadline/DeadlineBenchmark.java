package cn.govshare.deadline;

import cn.govshare.ApiClient;
import cn.govshare.GovShareTest;
import cn.govshare.bench.Cpu;
import cn.govshare.bench.StatementCount;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On-demand benchmark (docs/performance.md, "## Deadlines"), not part of verify:
 * {@code mvn -o -Pbench test -Dtest=DeadlineBenchmark -Dbench.open=100000 -Dbench.due=1000}.
 * Opens {@code bench.open} timed tasks through the engine, {@code bench.due} of them due by the moved
 * clock, then measures how long the job executor takes to raise every breach and how long a page of
 * {@code /api/deadlines?state=OPEN} takes.
 */
@GovShareTest
class DeadlineBenchmark {

  private static final int OPEN = Integer.getInteger("bench.open", 100_000);
  private static final int DUE = Integer.getInteger("bench.due", 1_000);
  /** Copy open deadlines in SQL (MariaDB only) from this many opened through the engine. */
  private static final boolean CLONE = Boolean.parseBoolean(System.getProperty("bench.clone", "true"))
      && System.getProperty("govshare.test.profiles", "").contains("mysql");
  private static final int TEMPLATES = Integer.getInteger("bench.templates", 1_000);
  private static final String TEMPLATE_KEY = "bench-t-";
  /**
   * Issue 25: later bursts of {@code bench.due} breaches in the same JVM ({@code -Dbench.warmBurst=false} leaves them
   * out, whatever {@code bench.bursts} says): the first burst's breaches are the cold figure (the breach path compiled
   * during it), the later ones the warm figures, as the flows and grant checks are measured once the JIT has settled.
   * Their deadlines are taken from the open ones, so {@code bench.open} stays the number open at the first burst.
   */
  private static final boolean WARM = Boolean.parseBoolean(System.getProperty("bench.warmBurst", "true"));
  /**
   * Issue 25, sixth part: bursts in all ({@code -Dbench.bursts}, default 2), each of {@code bench.due} deadlines
   * received a week after the one before (so each set's reminders come after the previous set's breaches); the
   * bursts after the first are recorded as {@code warm-} (the second), {@code warm3-}, {@code warm4-}, …, so a
   * production JVM that has raised breaches before (the JIT settled) is measured as well as a fresh one.
   */
  private static final int BURSTS = WARM ? Math.max(1, Integer.getInteger("bench.bursts", 2)) : 1;
  private static final List<String> RECEIVED = List.of("2025-09-30T10:00:00+08:00", "2025-10-13T10:00:00+08:00",
      "2025-10-20T10:00:00+08:00", "2025-10-27T10:00:00+08:00", "2025-11-03T10:00:00+08:00",
      "2025-11-10T10:00:00+08:00");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  MeterRegistry meters;

  @Test
  void breachBurstAndOpenPage(@Autowired RepositoryService repository) throws Exception {
    DeadlineProbe.deploy(repository);
    ClockUtil.setCurrentTime(date("2025-09-26T10:00:00+08:00"));
    Date later = date("2026-03-02T10:00:00+08:00");
    long started = System.nanoTime();
    // issue 25: on MariaDB the open deadlines beyond a template of real ones are copied in SQL (-Dbench.clone=false:
    // every one through the engine, as before): the burst only needs them to exist (OPEN rows, two timers each)
    int early = DUE * bursts();
    int templates = CLONE ? Math.min(TEMPLATES, OPEN - early) : OPEN - early;
    int copies = templates == 0 ? 0 : (OPEN - early) / templates - 1;
    int engineOpened = early + templates + (OPEN - early - templates * (copies + 1));
    // the later bursts' periods start two working days or more later, so their reminders (a working day before
    // due) come after the burst before, not during it
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    int chunk = 1_000;
    for (int from = 0; from < engineOpened; from += chunk) {
      int first = from;
      work.add(pool.submit(() -> {
        for (int i = first; i < Math.min(first + chunk, engineOpened); i++) {
          Map<String, Object> variables = i < DUE ? Map.of("group", group(i))
              : Map.of("group", group(i), "providerAuthorizationReceivedAt",
              i < early ? date(RECEIVED.get(i / DUE - 1)) : later);
          boolean template = i >= early && i < early + templates;
          runtime.startProcessInstanceByKey(DeadlineProbe.KEY, (template ? TEMPLATE_KEY : "bench-") + i, variables);
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double engineSeconds = seconds(started);
    if (copies > 0) {
      OpenDeadlineCopies.copy(jdbc, TEMPLATE_KEY, copies);
    }
    System.out.printf("BENCH setup: %d through the engine in %.1f s, %d copied in SQL (%d × %d templates) in %.1f s%n",
        engineOpened, engineSeconds, copies * templates, copies, templates, seconds(started) - engineSeconds);
    double setup = seconds(started);
    long open = count("OPEN");
    System.out.printf("BENCH setup: %d deadlines opened in %.1f s (%.0f/s); OPEN rows %d%n", OPEN, setup,
        OPEN / setup, open);

    ApiClient supervisor = ApiClient.as(port, "supervisor");
    timePages(supervisor, "before burst");

    // as in production, the reminders go out a working day earlier (2025-10-15 00:00), then the breaches
    ClockUtil.setCurrentTime(date("2025-10-15T00:01:00+08:00"));
    Burst reminders = awaitBurst(this::reminded, "reminders");
    System.out.printf("BENCH reminders: %d sent in %.2f s (first after %.2f s, then %.2f s for all)%n", DUE,
        reminders.total(), reminders.firstAfter(), reminders.span());
    Map<String, Long> kinds0 = StatementCount.snapshot();
    Cost cost = new Cost();
    ClockUtil.setCurrentTime(date("2025-10-17T00:01:00+08:00"));
    Burst breaches = awaitBurst(() -> count("BREACHED"), "breaches");
    cost.stop();
    // where the application's CPU of the burst went, by thread (ended threads are missing)
    cost.threads.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - cost.threads0.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() >= 10).sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
        .forEach(e -> System.out.printf("BENCH breach CPU by thread: %6d ms  %s%n", e.getValue(), e.getKey()));
    String kinds = StatementCount.since(kinds0, DUE);
    // issue 25: the benchmark's own polling (a COUNT every 10 ms) is charged to neither side: its thread's CPU is
    // measured, MariaDB's for the same number of polls afterwards
    double user1 = userCpu();
    double dbPerPoll = dbCpuPerPoll();
    double userPerPoll = (userCpu() - user1) / 500;
    result("breach-db-cpu", "ms", (cost.db - breaches.polls() * dbPerPoll) / (double) DUE);
    result("breach-polling-app-cpu", "ms", breaches.pollMillis() / (double) DUE);
    result("breach-polling-db-cpu", "ms", breaches.polls() * dbPerPoll / DUE);
    cost.record("", breaches, userPerPoll);
    if (cost.statements > 0) {
      System.out.printf("BENCH statements per breach: %.2f%n%s%n", cost.statements / (double) DUE, kinds);
    }
    long incidents = runtime.createIncidentQuery().incidentType(DeadlineLedger.INCIDENT_TYPE).count();
    System.out.printf("BENCH burst: %d breaches raised in %.2f s (first after %.2f s, then %.2f s for all: %.0f/s), "
        + "incidents %d%n", DUE, breaches.total(), breaches.firstAfter(), breaches.span(), DUE / breaches.span(),
        incidents);
    result("deadlines-opened-per-second", "1/s", OPEN / setup);
    result("reminders-total", "s", reminders.total());
    result("reminders-span", "s", reminders.span());
    for (int burst = 2; burst <= bursts(); burst++) {
      warmBurst(burst, userPerPoll);
    }
    timePages(supervisor, "after burst");
    ClockUtil.reset();
    Path out = Files.createDirectories(Path.of("target", "bench"));
    String database = System.getProperty("govshare.test.profiles", "").contains("mysql") ? "mariadb" : "h2";
    Files.writeString(out.resolve("deadlines-" + database + "-" + OPEN + ".tsv"), results.toString());
  }

  private DistributionSummary batchSizes() {
    return meters.get("govshare.deadline.breach.batch").summary();
  }

  /** Each later burst needs its own 1 000 among the open deadlines (none at -Dbench.open=1000). */
  private static int bursts() {
    return Math.min(Math.min(BURSTS, RECEIVED.size() + 1), Math.max(1, OPEN / DUE));
  }

  /**
   * A later burst ({@code burst} ≥ 2): the open deadlines due first now (the next set's, read from their rows: reminded
   * and due after the previous set's), the same work with the breach path compiled. CPU as for the first burst.
   */
  private void warmBurst(int burst, double userPerPoll) throws Exception {
    Map<String, Object> next = jdbc.queryForMap("SELECT MIN(remind_at) AS remind, MIN(due_at) AS due, COUNT(*) AS n "
        + "FROM gs_deadline WHERE state = 'OPEN' AND process_definition_key = ? AND due_at < ?", DeadlineProbe.KEY,
        date("2026-01-01T00:00:00+08:00"));
    System.out.printf("BENCH warm burst: %s open, reminded from %s, due from %s%n", next.get("n"), next.get("remind"),
        next.get("due"));
    ClockUtil.setCurrentTime(new Date(((Date) next.get("remind")).getTime() + 60_000));
    long before = (burst - 1L) * DUE;
    awaitBurst(() -> reminded() - before, "reminders of burst " + burst);
    Cost cost = new Cost();
    ClockUtil.setCurrentTime(new Date(((Date) next.get("due")).getTime() + 60_000));
    Burst breaches = awaitBurst(() -> count("BREACHED") - before, "breaches of burst " + burst);
    cost.stop();
    System.out.printf("BENCH warm burst %d: %d breaches raised in %.2f s (first after %.2f s, then %.2f s for all)%n",
        burst, DUE, breaches.total(), breaches.firstAfter(), breaches.span());
    cost.record(burst == 2 ? "warm-" : "warm" + burst + "-", breaches, userPerPoll);
  }

  /** What one burst cost, from its start to {@link #stop}: the application's CPU by thread, MariaDB's, statements. */
  private final class Cost {
    final long self = ProcessHandle.current().pid();
    final long app0;
    final long db0;
    final double user0;
    final Map<String, Long> threads0;
    final long statements0;
    long app;
    long db;
    double user;
    long statements;
    Map<String, Long> threads;
    final long batches0 = batchSizes().count();
    long batches;

    Cost() throws java.io.IOException {
      app0 = Cpu.millis(self);
      db0 = Cpu.millis(Cpu.mariadb());
      user0 = userCpu();
      threads0 = Cpu.threads();
      statements0 = StatementCount.total();
    }

    void stop() throws java.io.IOException {
      app = Cpu.millis(self) - app0;
      db = Cpu.millis(Cpu.mariadb()) - db0;
      user = userCpu() - user0;
      statements = StatementCount.total() - statements0;
      threads = Cpu.threads();
      batches = batchSizes().count() - batches0;
    }

    /** CPU milliseconds per breach of the application's threads whose names start with one of these. */
    double threadCpu(String... prefixes) {
      return threads.entrySet().stream().filter(e -> java.util.Arrays.stream(prefixes).anyMatch(e.getKey()::startsWith))
          .mapToLong(e -> e.getValue() - threads0.getOrDefault(e.getKey(), 0L)).sum() / (double) DUE;
    }

    /** The burst's times and costs per breach, each name after {@code prefix} ("" for the first burst). */
    void record(String prefix, Burst breaches, double userPerPoll) {
      result(prefix + "breach-app-cpu", "ms", (app - breaches.pollMillis()) / (double) DUE);
      // of the application's figure: the job executor's threads (the breaches themselves) and the JIT compilers,
      // which compile the breach path during the burst (once per JVM, not per breach)
      result(prefix + "breach-app-job-threads-cpu", "ms", threadCpu("camundaTaskExec"));
      result(prefix + "breach-app-jit-cpu", "ms", threadCpu("CN CompilerThre", "C1 Compil", "C2 Compil"));
      if (user > 0) {
        // MariaDB's CPU for this application's database user alone (USER_STATISTICS, userstat on): on a shared
        // server the whole server's CPU includes everybody else's work
        result(prefix + "breach-db-user-cpu", "ms", (user - breaches.polls() * userPerPoll) / DUE);
      }
      if (statements > 0) {
        // Connector/J's queryInterceptors=cn.govshare.bench.StatementCount in the URL (run-harness.sh)
        result(prefix + "breach-statements", "1", statements / (double) DUE);
      }
      // the committed breach batches (govshare.deadline.breach.batch): fewer and larger, fewer statements a breach
      result(prefix + "breach-batches", "1", batches);
      result(prefix + "breaches-total", "s", breaches.total());
      result(prefix + "breaches-first-after", "s", breaches.firstAfter());
      result(prefix + "breaches-span", "s", breaches.span());
    }
  }

  /** Seconds from the clock move to the first one raised, and from the first to the last (the job executor's work). */
  record Burst(double firstAfter, double total, long polls, double pollMillis) {
    double span() {
      return Math.max(total - firstAfter, 0.001);
    }
  }

  private Burst awaitBurst(java.util.function.LongSupplier raised, String what) throws InterruptedException {
    long started = System.nanoTime();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long polls = 0;
    double first = -1;
    long seen;
    while ((seen = StatementCount.quiet(raised::getAsLong)) < DUE) {
      polls++;
      if (first < 0 && seen > 0) {
        first = seconds(started);
      }
      if (seconds(started) > 1800) {
        throw new AssertionError(what + " not raised within 30 min: " + seen);
      }
      Thread.sleep(10);
    }
    double total = seconds(started);
    return new Burst(first < 0 ? total : first, total, polls + 1,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1e6);
  }

  /** CPU milliseconds MariaDB spent on this application's database user so far; 0 without userstat (or on H2). */
  private double userCpu() {
    try {
      Double seconds = StatementCount.quiet(() -> jdbc.queryForObject("SELECT CPU_TIME FROM "
          + "information_schema.USER_STATISTICS WHERE USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)", Double.class));
      return seconds == null ? 0 : seconds * 1000;
    } catch (org.springframework.dao.DataAccessException none) {
      return 0;
    }
  }

  /** MariaDB's CPU for one poll of the burst, measured over 500 of them once the burst is over. */
  private double dbCpuPerPoll() throws java.io.IOException {
    long db0 = Cpu.millis(Cpu.mariadb());
    for (int i = 0; i < 500; i++) {
      StatementCount.quiet(() -> count("BREACHED"));
    }
    return (Cpu.millis(Cpu.mariadb()) - db0) / 500.0;
  }

  private final StringBuilder results = new StringBuilder("measurement\tvalue\tunit\tload average\n");

  /** Each value with the machine's load averages (1, 5, 15 min) when it was taken: the machine is shared. */
  private void result(String name, String unit, double value) {
    String load;
    try {
      load = String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    } catch (java.io.IOException e) {
      load = "?";
    }
    results.append(String.format("%s@%d\t%.2f\t%s\t%s%n", name, OPEN, value, unit, load));
  }

  @Autowired
  DeadlineMapper mapper;

  private void timeQueries(String label) {
    java.util.Set<String> open = java.util.Set.of("OPEN");
    if (Boolean.getBoolean("bench.explain")) {
      System.out.println("BENCH explain " + jdbc.queryForList("EXPLAIN ANALYZE SELECT * FROM gs_deadline WHERE state IN "
          + "('OPEN') ORDER BY due_at, id LIMIT 20 OFFSET 0"));
    }
    for (int round = 0; round < 2; round++) {
      long t = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        mapper.count(open, null, null, null, null);
      }
      double count = (System.nanoTime() - t) / 30 / 1e6;
      t = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        mapper.page(open, null, null, null, null, 0, 20);
      }
      double page = (System.nanoTime() - t) / 30 / 1e6;
      System.out.printf("BENCH mapper %s: count %.1f ms, page %.1f ms%n", label, count, page);
    }
  }

  private void timePages(ApiClient client, String label) {
    timeQueries(label);
    for (String query : List.of("/api/deadlines?state=OPEN&size=20", "/api/deadlines?state=OPEN&size=20&page=2000",
        "/api/deadlines?state=OPEN&dept=gaj&size=20", "/api/breaches?size=20")) {
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        long t = System.nanoTime();
        ApiClient.Response response = client.get(query);
        if (response.status() != 200) {
          throw new AssertionError(response.toString());
        }
        millis.add((System.nanoTime() - t) / 1e6);
      }
      millis.sort(null);
      System.out.printf("BENCH page %s %s: median %.1f ms, p95 %.1f ms%n", label, query,
          millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)));
      if (query.equals("/api/deadlines?state=OPEN&size=20")) {
        String key = "open-page-" + label.replace(' ', '-');
        result(key + "-p50", "ms", millis.get(millis.size() / 2));
        result(key + "-p95", "ms", millis.get((int) (millis.size() * 0.95)));
      }
    }
  }

  private long reminded() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_deadline WHERE reminded_at IS NOT NULL AND "
        + "process_definition_key = ?", Long.class, DeadlineProbe.KEY);
  }

  private long count(String state) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gs_deadline WHERE state = ? AND process_definition_key = ?",
        Long.class, state, DeadlineProbe.KEY);
  }

  private static String group(int i) {
    return switch (i % 3) {
      case 0 -> "gaj";
      case 1 -> "scjgj";
      default -> "rsj";
    };
  }

  private static Date date(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }

  private static double seconds(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
  }
}
