package cn.govshare.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The performance harness of docs/performance.md, on demand (not part of verify):
 * {@code src/bench/run-harness.sh} (= {@code mvn -Pbench -DskipTests package} then
 * {@code mvn -Pbench test -Dtest=PerformanceHarness}). Against MariaDB on 127.0.0.1:3306 (root, no
 * password) in a fresh database, in one run: start-up and RSS; full share requests through the product
 * API and /engine-rest against a bare process of the same shape in the same application, at three sizes
 * of open work; grant checks at a fixed 200 req/s with 10 k, 100 k and 1 M grants, and at 1 M the ceiling:
 * the offered rate stepped up until p99 or the achieved rate gives out; the open-deadline page at the same
 * sizes. Every result carries the 1-minute load average of the machine when it was taken (the machine is
 * shared). Writes target/bench/results.tsv and the PNG plots.
 */
class PerformanceHarness {

  private static final String ROOT = "jdbc:mysql://127.0.0.1:3306/?useSSL=false&allowPublicKeyRetrieval=true"
      + "&rewriteBatchedStatements=true";
  private static final String PARAMS = "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=Asia/Shanghai"
      + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&sendFractionalSeconds=false"
      + "&sessionVariables=old_mode=''&nullDatabaseMeansCurrent=true&rewriteBatchedStatements=true";
  /** The application's own database user (its statements are counted apart); -Dbench.dbUser for a shared server. */
  private static final String APP_USER = System.getProperty("bench.dbUser", "govshare_bench");
  /** The fresh database is this prefix and the time; -Dbench.database for a shared server. */
  private static final String DATABASE_PREFIX = System.getProperty("bench.database", "govshare_bench");
  /**
   * The grant checks' load generator: {@code raw} (default, {@link RawLoad}: precomputed requests on keep-alive
   * sockets, about 0.1 ms of CPU per call) or {@code jdk} (the JDK HTTP client and JSON, about 0.65 ms per call on
   * the same cores as the application: it measured the generator as much as GovShare).
   */
  private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.grantClient", "raw"));
  private static final int WORKERS = Integer.getInteger("bench.workers", 8);
  /**
   * At most this many warm-up rounds of flows before the measured ones (-Dbench.warmupRounds, default 40: the warm-up
   * stops as soon as the JIT has settled, and a slow machine's JIT was still compiling after the earlier 12).
   */
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmupRounds", 40);

  /** -Dbench.bareVariables=true: the bare side carries a GovShare request's variables (see {@link Flows#bare}). */
  private static final boolean BARE_VARIABLES = Boolean.getBoolean("bench.bareVariables");
  private static final int FLOWS = Integer.getInteger("bench.flows", 300);
  /** Rounds per size: GovShare and bare alternate, so drift on the shared machine hits both alike. */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final int[] OPEN_SIZES = sizes("bench.sizes", "0,2000,10000");
  /**
   * -Dbench.quick=true (under 5 minutes): start-up five times, flows at the first size only, and the grant
   * check at 1 M grants only (200/s and the ceiling with shorter steps).
   */
  private static final boolean QUICK = Boolean.getBoolean("bench.quick");
  private static final int[] GRANT_SIZES = sizes("bench.grantSizes", QUICK ? "1000000" : "10000,100000,1000000");
  /** Offered rates of the ceiling, stepped up at the largest grant size until the answer gives out. */
  private static final int[] CEILING_RATES = sizes("bench.ceilingRates", "200,500,1000,1500,2000,2500,3000,4000,5000");
  private static final Duration CEILING_STEP = Duration.ofSeconds(Integer.getInteger("bench.ceilingSeconds",
      QUICK ? 6 : 15));
  /** The grant-check target: the ceiling is the highest offered rate sustained with p99 at most this. */
  private static final double CEILING_P99_MILLIS = 10;
  private static final int STARTUPS = Integer.getInteger("bench.startups", 5);
  /** How long the MariaDB node may take to answer healthy (-Dbench.startMinutes; a loaded machine needs more). */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(Integer.getInteger("bench.startMinutes", 3));
  /** The documented heap bound of the start-up measurement (docs/performance.md). */
  private static final String STARTUP_JVM = System.getProperty("bench.startupJvmArgs", "-Xmx384m");

  private final List<String[]> results = new ArrayList<>();

  @Test
  void harness() throws Exception {
    Path jar = jar();
    Path out = Files.createDirectories(Path.of("target", "bench"));

    // 1. start-up and memory on the embedded default: the first start creates the database, then five
    // cold starts in a row on it (a restart), each a new JVM (-Dbench.startups=0 leaves it out)
    if (STARTUPS > 0) {
      startups(jar);
    }

    String database = DATABASE_PREFIX + "_" + System.currentTimeMillis();
    try (Connection root = DriverManager.getConnection(ROOT, "root", "")) {
      try (Statement sql = root.createStatement()) {
        sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        // the application connects as a user of its own, so its statements are counted apart from everyone
        // else's on a shared server (information_schema.USER_STATISTICS, userstat on)
        sql.execute("CREATE USER IF NOT EXISTS " + APP_USER + "@'%' IDENTIFIED BY '" + APP_USER + "'");
        sql.execute("GRANT ALL ON " + database + ".* TO " + APP_USER + "@'%'");
        sql.execute("SET GLOBAL userstat = ON");
      }
    }
    String url = "jdbc:mysql://127.0.0.1:3306/" + database + PARAMS;
    // -Dbench.port: a fixed port for the application under test (a shared machine assigns ports)
    int port = Integer.getInteger("bench.port", 0) > 0 ? Integer.getInteger("bench.port") : freePort();
    Process app = startOnMariaDb(jar, port, url, out.resolve("app.log"));
    try {
      long t0 = System.nanoTime();
      Startup.awaitHealthy(port, app, START_TIMEOUT, out.resolve("app.log"));
      record("startup-mariadb-empty", "seconds", (System.nanoTime() - t0) / 1e9);
      record("rss-mariadb-after-start", "MB", Startup.rssMegabytes(app.pid()));
      deployBare(port);

      // 2. throughput, GovShare vs bare, and the open-deadline page, at three sizes of open work
      Flows flows = new Flows(port);
      int open = 0;
      for (int size : QUICK ? java.util.Arrays.copyOf(OPEN_SIZES, Math.min(1, OPEN_SIZES.length)) : OPEN_SIZES) {
        if (size > open) {
          Load.Result preload = Load.closed(WORKERS, size - open, flows::openRequest);
          open = size;
          System.out.printf("BENCH preload to %d open requests: %.0f req/s, %d failures%n", size,
              preload.perSecond(), preload.failures());
        }
        warmUp(app.pid(), flows);
        Side govshare = new Side("govshare@" + size);
        Side bare = new Side("bare@" + size);
        Side minimal = new Side("bare-minimal@" + size);
        for (int round = 0; round < ROUNDS; round++) {
          govshare.run(app.pid(), () -> Load.closed(WORKERS, FLOWS / ROUNDS, flows::govshare));
          bare.run(app.pid(), () -> Load.closed(WORKERS, FLOWS / ROUNDS, flows::bare));
          minimal.run(app.pid(), () -> Load.closed(WORKERS, FLOWS / ROUNDS, flows::bareMinimal));
        }
        record("statements-per-flow-govshare@" + size, "SQL", govshare.statementsPerFlow());
        record("statements-per-flow-bare@" + size, "SQL", bare.statementsPerFlow());
        record("app-cpu-per-flow-govshare@" + size, "ms", govshare.appCpuPerFlow());
        record("app-cpu-per-flow-bare@" + size, "ms", bare.appCpuPerFlow());
        // the JIT's share of the measured rounds: the steady state has none, so the ratio is given without it too
        record("app-jit-cpu-per-flow-govshare@" + size, "ms", govshare.jitCpuPerFlow());
        record("app-jit-cpu-per-flow-bare@" + size, "ms", bare.jitCpuPerFlow());
        record("db-cpu-per-flow-govshare@" + size, "ms", govshare.dbCpuPerFlow());
        record("db-cpu-per-flow-bare@" + size, "ms", bare.dbCpuPerFlow());
        record("db-user-cpu-per-flow-govshare@" + size, "ms", govshare.dbUserCpuPerFlow());
        record("db-user-cpu-per-flow-bare@" + size, "ms", bare.dbUserCpuPerFlow());
        record("cpu-ratio@" + size, "bare/govshare", bare.cpuPerFlow(true) / govshare.cpuPerFlow(true));
        record("cpu-ratio-without-jit@" + size, "bare/govshare", bare.cpuPerFlow(false) / govshare.cpuPerFlow(false));
        record("throughput-govshare@" + size, "requests/s", govshare.perSecond());
        record("throughput-bare@" + size, "requests/s", bare.perSecond());
        record("throughput-ratio@" + size, "govshare/bare", govshare.perSecond() / bare.perSecond());
        record("failures@" + size, "count", govshare.failures + bare.failures + minimal.failures);
        // the baseline of the harness until issue 25's fifth part: two user tasks and two expression tasks, none of
        // the profiles' gateways or the answer's sub-process (smaller than issue 12's "same shape"), for comparison
        record("statements-per-flow-bare-minimal@" + size, "SQL", minimal.statementsPerFlow());
        record("app-cpu-per-flow-bare-minimal@" + size, "ms", minimal.appCpuPerFlow());
        record("db-user-cpu-per-flow-bare-minimal@" + size, "ms", minimal.dbUserCpuPerFlow());
        record("cpu-ratio-minimal@" + size, "bare/govshare", minimal.cpuPerFlow(true) / govshare.cpuPerFlow(true));
        record("cpu-ratio-minimal-without-jit@" + size, "bare/govshare",
            minimal.cpuPerFlow(false) / govshare.cpuPerFlow(false));
        record("throughput-ratio-minimal@" + size, "govshare/bare", govshare.perSecond() / minimal.perSecond());
        Load.Result page = Load.closed(1, 50, i -> flows.supervisor.get("/api/deadlines?state=OPEN&size=20").status()
            == 200);
        record("deadline-page-p50@" + size, "ms", page.p50Millis());
        record("deadline-page-p99@" + size, "ms", page.p99Millis());
      }

      // 3. grant checks at a fixed 200 req/s from this process, with 10 k, 100 k and 1 M grants; then the ceiling
      int grants = 0;
      try (Connection db = DriverManager.getConnection(url, "root", "")) {
        for (int size : GRANT_SIZES) {
          insertGrants(db, grants, size);
          grants = size;
          warmGrantChecks(port, app.pid(), flows);
          Load.Result checks = grantChecks(port, flows, 200, Duration.ofSeconds(QUICK ? 10 : 20), 64);
          record("grant-check-p50@" + size, "ms", checks.p50Millis());
          record("grant-check-p99@" + size, "ms", checks.p99Millis());
          record("grant-check-failures@" + size, "count", checks.failures());
        }
      }
      if (GRANT_SIZES.length > 0) {
        ceiling(port, app.pid(), flows);
        floors(port, url);
      }
      record("rss-mariadb-end", "MB", Startup.rssMegabytes(app.pid()));
    } finally {
      app.destroy();
      app.waitFor();
      try (Connection root = DriverManager.getConnection(ROOT, "root", "");
          Statement sql = root.createStatement()) {
        sql.execute("DROP DATABASE IF EXISTS " + database);
      }
    }
    write(out);
    Plots.write(results, out);
  }

  /**
   * Start-up time, CPU and RSS: one start on an empty data directory, then {@code STARTUPS} cold starts on it, each
   * a new JVM with the documented heap bound, started as the README's production command does (issue 25: the
   * extracted jar with its class-data-sharing archive, {@link Startup#prepareCds}); then one cold start of the plain
   * {@code java -jar govshare.jar} on the same data, for comparison.
   */
  private void startups(Path jar) throws Exception {
    Path h2 = Files.createTempDirectory("govshare-h2");
    Path extractedDir = Path.of("target", "bench", "extracted");
    long t0 = System.nanoTime();
    Path extracted = Startup.prepareCds(jar, extractedDir, STARTUP_JVM);
    record("startup-cds-preparation", "seconds", (System.nanoTime() - t0) / 1e9);
    String jvm = STARTUP_JVM + " -XX:SharedArchiveFile=" + Startup.archive(extractedDir);
    Startup.Measurement empty = Startup.measure(extracted, freePort(), h2, jvm);
    record("startup-h2-empty", "seconds", empty.startup().toMillis() / 1000.0);
    record("rss-h2-empty", "MB", empty.rssMegabytes());
    List<Startup.Measurement> starts = new ArrayList<>();
    for (int i = 0; i < STARTUPS; i++) {
      Startup.Measurement m = Startup.measure(extracted, freePort(), h2, jvm);
      starts.add(m);
      record("startup-h2-run" + (i + 1), "seconds", m.startup().toMillis() / 1000.0);
      record("startup-cpu-h2-run" + (i + 1), "CPU seconds", m.cpuSeconds());
      record("rss-h2-run" + (i + 1), "MB", m.rssMegabytes());
    }
    starts.sort(java.util.Comparator.comparing(Startup.Measurement::startup));
    record("startup-h2-min", "seconds", starts.get(0).startup().toMillis() / 1000.0);
    record("startup-h2-median", "seconds", starts.get(starts.size() / 2).startup().toMillis() / 1000.0);
    record("startup-h2-max", "seconds", starts.get(starts.size() - 1).startup().toMillis() / 1000.0);
    record("rss-h2-max", "MB", starts.stream().mapToLong(Startup.Measurement::rssMegabytes).max().orElse(0));
    starts.sort(java.util.Comparator.comparing(Startup.Measurement::cpuSeconds));
    record("startup-cpu-h2-median", "CPU seconds", starts.get(starts.size() / 2).cpuSeconds());
    Startup.Measurement plain = Startup.measure(jar, freePort(), h2, STARTUP_JVM);
    record("startup-h2-plain-jar", "seconds", plain.startup().toMillis() / 1000.0);
    record("startup-cpu-h2-plain-jar", "CPU seconds", plain.cpuSeconds());
  }

  /**
   * The grant check's ceiling: each offered rate for one step (open loop, latency from when each call was due),
   * with the achieved rate and the CPU of the load generator (this JVM), the application and MariaDB in cores.
   * Stops after the first step that falls behind (achieved below 90 % of offered, or p99 over a second).
   */
  private void ceiling(int port, long appPid, Flows flows) throws Exception {
    // warm-up at a higher rate until the JIT has settled: per-check CPU at a low rate otherwise includes compilation
    warmGrantChecks(port, appPid, flows);
    // the ceiling: the highest rate up to which every step held the target (a step that missed it ends the run of
    // passing steps, even if a higher one passes by chance)
    int best = 0;
    boolean held = true;
    long self = ProcessHandle.current().pid();
    long db = Cpu.mariadb();
    for (int rate : CEILING_RATES) {
      long q0 = statements();
      long load0 = Cpu.millis(self);
      long app0 = Cpu.millis(appPid);
      long db0 = Cpu.millis(db);
      Load.Result step = grantChecks(port, flows, rate, CEILING_STEP, 128);
      long load = Cpu.millis(self) - load0;
      long application = Cpu.millis(appPid) - app0;
      long database = Cpu.millis(db) - db0;
      long statements = statements() - q0;
      double seconds = step.elapsed().toNanos() / 1e9;
      int calls = step.operations();
      record("grant-ceiling-achieved@" + rate, "1/s", step.perSecond());
      record("grant-ceiling-p50@" + rate, "ms", step.p50Millis());
      record("grant-ceiling-p99@" + rate, "ms", step.p99Millis());
      record("grant-ceiling-loadgen-cpu@" + rate, "cores", load / 1000.0 / seconds);
      record("grant-ceiling-app-cpu@" + rate, "cores", application / 1000.0 / seconds);
      record("grant-ceiling-db-cpu@" + rate, "cores", database / 1000.0 / seconds);
      // per check: what 2 000 checks/s on 2 cores needs is about 1 ms of CPU for all three together
      record("grant-ceiling-loadgen-cpu-per-check@" + rate, "ms", load / (double) calls);
      record("grant-ceiling-app-cpu-per-check@" + rate, "ms", application / (double) calls);
      record("grant-ceiling-db-cpu-per-check@" + rate, "ms", database / (double) calls);
      record("grant-ceiling-statements-per-check@" + rate, "SQL", statements / (double) calls);
      record("grant-ceiling-failures@" + rate, "count", step.failures());
      boolean behind = step.perSecond() < 0.9 * rate || step.p99Millis() > 1000;
      held = held && !behind && step.failures() == 0 && step.p99Millis() <= CEILING_P99_MILLIS;
      if (held) {
        best = rate;
      }
      if (behind) {
        break;
      }
    }
    record("grant-ceiling-p99-10ms", "1/s", best);
  }

  /**
   * What any grant check at 200/s pays on this machine before GovShare does anything: (1) an HTTP round trip to
   * the same node through the same generator, Tomcat and filter chain, answered without a database
   * ({@code /actuator/info}); (2) one durable commit on MariaDB (an autocommit insert: redo log written and
   * flushed), from the same JVM as the generator. A check's p99 cannot be below either.
   */
  private void floors(int port, String url) throws Exception {
    Load.Result http = RawLoad.open(port, 200, CEILING_STEP, 64, RawLoad.get(port, "operator", i -> "/actuator/info"));
    record("floor-http-p50@200", "ms", http.p50Millis());
    record("floor-http-p99@200", "ms", http.p99Millis());
    record("floor-http-failures@200", "count", http.failures());
    List<Connection> connections = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<PreparedStatement> insert = ThreadLocal.withInitial(() -> {
      try {
        Connection c = DriverManager.getConnection(url, "root", "");
        connections.add(c);
        return c.prepareStatement("INSERT INTO bench_commit_probe (at) VALUES (CURRENT_TIMESTAMP)");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    try (Connection db = DriverManager.getConnection(url, "root", ""); Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE bench_commit_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP NULL)");
      Load.Result commits = Load.open(200, CEILING_STEP, 16, i -> insert.get().executeUpdate() == 1);
      record("floor-commit-p50@200", "ms", commits.p50Millis());
      record("floor-commit-p99@200", "ms", commits.p99Millis());
      sql.execute("DROP TABLE bench_commit_probe");
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** Grant checks at a fixed rate, from when each call was due, through the chosen generator. */
  private static Load.Result grantChecks(int port, Flows flows, int rate, Duration duration, int concurrency)
      throws Exception {
    if (JDK_CLIENT) {
      return Load.open(rate, duration, concurrency, flows::grantCheck);
    }
    if (rawChecks == null) {
      rawChecks = grantChecks(port);
    }
    return RawLoad.open(port, rate, duration, concurrency, rawChecks);
  }

  private static java.util.function.IntFunction<byte[]> rawChecks;

  /**
   * Flows on every side until the JIT has settled: rounds of 40 each (at most 40, or {@code -Dbench.warmupRounds}:
   * a slow machine's JIT was still compiling after 12), so the measured rounds are the steady state.
   */
  private static void warmUp(long appPid, Flows flows) throws Exception {
    untilJitSettles(appPid, WARMUP_ROUNDS, "rounds of 40 + 40 + 40 flows", () -> {
      Load.closed(WORKERS, 40, flows::govshare);
      Load.closed(WORKERS, 40, flows::bareMinimal);
      return Load.closed(WORKERS, 40, flows::bare);
    });
  }

  /** Grant checks at 500/s in windows of 5 s until the JIT has settled (at most 24 windows). */
  private static void warmGrantChecks(int port, long appPid, Flows flows) throws Exception {
    untilJitSettles(appPid, 24, "windows of 5 s of grant checks at 500/s",
        () -> grantChecks(port, flows, 500, Duration.ofSeconds(5), 128));
  }

  /**
   * Runs {@code load} again until the application's JIT compiler threads took under 5 % of its CPU in one run, or
   * {@code most} times; prints how many it took: what follows is the steady state, not the compilation.
   */
  private static void untilJitSettles(long appPid, int most, String what, Callable<?> load) throws Exception {
    for (int run = 1; ; run++) {
      long app0 = Cpu.millis(appPid);
      long jit0 = Cpu.compilerMillis(appPid);
      load.call();
      long app = Cpu.millis(appPid) - app0;
      long jit = Cpu.compilerMillis(appPid) - jit0;
      if (jit < app * 0.05 || run == most) {
        System.out.printf("BENCH warm-up: %d %s; the JIT's share of the last %.1f %%%n", run, what,
            100.0 * jit / Math.max(1, app));
        return;
      }
    }
  }

  /** One side of the comparison, summed over its rounds: flows, time, statements and CPU (app JVM, MariaDB). */
  private static final class Side {
    final String name;
    int flows;
    int failures;
    long nanos;
    long statements;
    long appCpuMillis;
    long jitCpuMillis;
    long dbCpuMillis;
    double dbUserCpuSeconds;

    Side(String name) {
      this.name = name;
    }

    void run(long appPid, Callable<Load.Result> load) throws Exception {
      double u0 = userCpuSeconds();
      long q0 = statements();
      long app0 = Cpu.millis(appPid);
      long jit0 = Cpu.compilerMillis(appPid);
      long db0 = Cpu.millis(Cpu.mariadb());
      long from = System.currentTimeMillis();
      Load.Result result = load.call();
      jitCpuMillis += Cpu.compilerMillis(appPid) - jit0;
      // the window of each round, so a flight recording of the application can be split by side (bench.jvmArgs)
      System.out.printf("BENCH window %s %d %d%n", name, from, System.currentTimeMillis());
      dbCpuMillis += Cpu.millis(Cpu.mariadb()) - db0;
      appCpuMillis += Cpu.millis(appPid) - app0;
      statements += statements() - q0;
      dbUserCpuSeconds += userCpuSeconds() - u0;
      flows += result.operations();
      failures += result.failures();
      nanos += result.elapsed().toNanos();
    }

    double perSecond() {
      return flows / (nanos / 1e9);
    }

    double statementsPerFlow() {
      return statements / (double) flows;
    }

    double appCpuPerFlow() {
      return appCpuMillis / (double) flows;
    }

    double jitCpuPerFlow() {
      return jitCpuMillis / (double) flows;
    }

    /** Application and the application user's MariaDB CPU per flow, with or without the JIT compiler threads. */
    double cpuPerFlow(boolean withJit) {
      return (appCpuMillis - (withJit ? 0 : jitCpuMillis)) / (double) flows + dbUserCpuPerFlow();
    }

    double dbCpuPerFlow() {
      return dbCpuMillis / (double) flows;
    }

    /** MariaDB's CPU on the application user's connections only (the whole server's CPU includes everyone's work). */
    double dbUserCpuPerFlow() {
      return dbUserCpuSeconds * 1000 / flows;
    }
  }

  private static int[] sizes(String property, String defaults) {
    return java.util.Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
        .filter(v -> !v.isEmpty()).mapToInt(Integer::parseInt).toArray();
  }

  /** CPU seconds MariaDB spent on the application user's connections so far (USER_STATISTICS.CPU_TIME, userstat on). */
  private static double userCpuSeconds() throws Exception {
    return userStatistic("CPU_TIME");
  }

  /** Statements the application's database user has run so far (the server is shared with other work). */
  private static long statements() throws Exception {
    return (long) userStatistic("SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS");
  }

  private static double userStatistic(String columns) throws Exception {
    try (Connection root = DriverManager.getConnection(ROOT, "root", "");
        Statement sql = root.createStatement();
        java.sql.ResultSet rows = sql.executeQuery("SELECT COALESCE(SUM(" + columns + "), 0) FROM "
            + "information_schema.USER_STATISTICS WHERE USER = '" + APP_USER + "'")) {
      rows.next();
      return rows.getDouble(1);
    }
  }


  /** Users of the demo organisation, each with a keep-alive client. */
  static final class Flows {
    final Http applicant;
    final Http other;
    final Http operator;
    final Http reviewer;
    final Http admin;
    final Http supervisor;

    Flows(int port) {
      applicant = new Http(port, "rsj-applicant");
      other = new Http(port, "mzj-applicant");
      operator = new Http(port, "operator");
      reviewer = new Http(port, "gaj-reviewer");
      admin = new Http(port, "admin");
      supervisor = new Http(port, "supervisor");
    }

    /** A request left open at the platform's check: the open work and open deadlines grow. */
    boolean openRequest(int i) throws Exception {
      Http who = i % 2 == 0 ? applicant : other;
      return who.post("/api/share-requests", request(i)).status() == 201;
    }

    /** The full conditional request: submit, check, approve, grant, applicant told. */
    boolean govshare(int i) throws Exception {
      Http.Answer created = applicant.post("/api/share-requests", request(i));
      if (created.status() != 201) {
        return false;
      }
      String instance = created.json().path("processInstanceId").asText();
      return complete(operator, instance, Map.of("checkPassed", Map.of("value", true)))
          && complete(reviewer, instance, Map.of("approved", Map.of("value", true)));
    }

    /**
     * The same shape on bare Camunda, as issue 12 defines the baseline (bench/bare-share-request-shape.bpmn): the
     * gateways, sub-process, tasks and forms a conditional request passes through, no GovShare services, no deadline
     * records; its completions carry the same decisions through the same forms. By default it starts with one
     * variable; {@code -Dbench.bareVariables=true} (issue 25, like for like) starts it with the 18 variables a
     * GovShare request's start sets for its forms.
     */
    boolean bare(int i) throws Exception {
      Http.Answer started = admin.post("/engine-rest/process-definition/key/bare-share-request/start",
          Map.of("businessKey", "bare-" + i, "variables", BARE_VARIABLES ? requestVariables(i)
              : Map.of("providerDept", Map.of("value", "gaj"))));
      if (started.status() != 200) {
        return false;
      }
      String instance = started.json().path("id").asText();
      return complete(operator, instance, Map.of("checkPassed", Map.of("value", true)))
          && complete(reviewer, instance, Map.of("approved", Map.of("value", true)));
    }

    /**
     * The harness's baseline before issue 25's fifth part (bench/bare-share-request.bpmn): two user tasks without
     * forms and two expression tasks, one variable, completions with none; kept for comparison with earlier runs.
     */
    boolean bareMinimal(int i) throws Exception {
      Http.Answer started = admin.post("/engine-rest/process-definition/key/bare-minimal-share-request/start",
          Map.of("businessKey", "bare-minimal-" + i, "variables", Map.of("providerDept", Map.of("value", "gaj"))));
      if (started.status() != 200) {
        return false;
      }
      String instance = started.json().path("id").asText();
      return complete(operator, instance, Map.of()) && complete(reviewer, instance, Map.of());
    }

    /** The variables ShareRequests sets when it starts a request's process (display copies for the forms). */
    private static Map<String, Object> requestVariables(int i) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("requestId", 1_000_000L + i);
      values.put("incompleteAllowed", true);
      values.put("extensionAllowed", true);
      values.put("answerExtensionMax", 10);
      values.put("resourceCode", "RK-002");
      values.put("resourceName", "人口基础信息");
      values.put("providerDept", "gaj");
      values.put("providerName", "公安局");
      values.put("applicantDept", "rsj");
      values.put("applicantName", "人社局");
      values.put("purpose", "WORK_REFERENCE");
      values.put("purposeLabel", "工作参考");
      values.put("reason", "性能测试 " + i);
      values.put("systemName", "基准测试系统");
      values.put("requestedFieldsText", "全部数据项");
      values.put("grantScope", "");
      values.put("availableFields", "姓名、公民身份号码、性别、出生日期、户籍地址");
      values.put("conditions", "无");
      Map<String, Object> variables = new LinkedHashMap<>();
      values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
      return variables;
    }

    /** Through the JDK HTTP client and JSON (the old generator; kept for comparison: -Dbench.grantClient=jdk). */
    boolean grantCheck(int i) throws Exception {
      int n = ThreadLocalRandom.current().nextInt(50_000);
      return operator.get("/api/grants/check?dept=b" + n + "&resource=" + RESOURCES[n % RESOURCES.length]
          + "&purpose=WORK_REFERENCE").status() == 200;
    }

    private static boolean complete(Http who, String instance, Map<String, Object> variables) throws Exception {
      Http.Answer tasks = who.get("/engine-rest/task?processInstanceId=" + instance);
      if (tasks.status() != 200 || tasks.json().size() != 1) {
        return false;
      }
      return who.post("/engine-rest/task/" + tasks.json().get(0).path("id").asText() + "/complete",
          Map.of("variables", variables)).status() == 204;
    }

    private static Map<String, Object> request(int i) {
      return Map.of("resourceCode", "RK-002", "purpose", "WORK_REFERENCE", "reason", "性能测试 " + i,
          "systemName", "基准测试系统");
    }
  }

  static final String[] RESOURCES = {"RK-001", "RK-002", "FR-001", "FR-002"};
  private static final int CHECKED_DEPARTMENTS = 50_000;

  /**
   * The grant checks of the raw generator ({@link RawLoad}), as the operator: one precomputed request per checked
   * department (its resource fixed by the department, as in {@link Flows#grantCheck}), the department of call i
   * drawn at random.
   */
  static java.util.function.IntFunction<byte[]> grantChecks(int port) {
    java.util.function.IntFunction<byte[]> build = RawLoad.get(port, "operator",
        n -> "/api/grants/check?dept=b" + n + "&resource=" + RESOURCES[n % RESOURCES.length] + "&purpose=WORK_REFERENCE");
    byte[][] requests = new byte[CHECKED_DEPARTMENTS][];
    for (int n = 0; n < requests.length; n++) {
      requests[n] = build.apply(n);
    }
    return i -> requests[ThreadLocalRandom.current().nextInt(requests.length)];
  }

  /** Synthetic ACTIVE grants for 50 000 departments over the demo resources: about 5 per checked pair at 1 M. */
  private static void insertGrants(Connection db, int from, int to) throws Exception {
    long t0 = System.nanoTime();
    db.setAutoCommit(false);
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO gs_grant (department, resource_code, "
        + "provider_dept, scope, purpose, valid_until, source_type, source_ref, status, created_at) "
        + "VALUES (?, ?, ?, NULL, ?, NULL, 'REQUEST', ?, 'ACTIVE', CURRENT_TIMESTAMP)")) {
      for (int i = from; i < to; i++) {
        int dept = i % 50_000;
        String resource = RESOURCES[(i / 50_000 + dept) % RESOURCES.length];
        insert.setString(1, "b" + dept);
        insert.setString(2, resource);
        insert.setString(3, resource.startsWith("RK") ? "gaj" : "scjgj");
        insert.setString(4, i % 3 == 0 ? "DATA_VERIFICATION" : "WORK_REFERENCE");
        insert.setString(5, "bench-" + i);
        insert.addBatch();
        if ((i + 1) % 5_000 == 0) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    }
    db.setAutoCommit(true);
    System.out.printf("BENCH grants %d → %d inserted in %.1f s%n", from, to, (System.nanoTime() - t0) / 1e9);
  }

  private void deployBare(int port) throws Exception {
    // the same-shape process with its two forms in one deployment: bound as GovShare binds its forms
    deployBare(port, Path.of("src/bench/resources/bench/bare-share-request-shape.bpmn"),
        Path.of("forms/normative-check.form"), Path.of("forms/provider-authorization.form"));
    deployBare(port, Path.of("src/bench/resources/bench/bare-share-request.bpmn"));
  }

  private void deployBare(int port, Path... files) throws Exception {
    String boundary = "govshare-bench";
    StringBuilder body = new StringBuilder("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n");
    for (Path file : files) {
      String name = file.getFileName().toString();
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
          .append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(Files.readString(file)).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("bare deployment failed: " + response.body());
    }
  }

  private static Process startOnMariaDb(Path jar, int port, String url, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // profiling: -Dbench.jvmArgs="-XX:StartFlightRecording=filename=target/bench/app.jfr,settings=profile"
    String jvm = System.getProperty("bench.jvmArgs", "").trim();
    if (!jvm.isEmpty()) {
      command.addAll(List.of(jvm.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=demo,mysql"));
    // experiments: -Dbench.appArgs="--camunda.bpm.history-level=audit --spring.datasource.hikari.maximum-pool-size=30"
    String extra = System.getProperty("bench.appArgs", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("GOVSHARE_DB_URL", url);
    builder.environment().put("GOVSHARE_DB_USER", APP_USER);
    builder.environment().put("GOVSHARE_DB_PASSWORD", APP_USER);
    return builder.start();
  }

  private void record(String name, String unit, double value) throws IOException {
    String load = loadAverage();
    results.add(new String[] {name, unit, String.format("%.2f", value), load});
    System.out.printf("BENCH %s = %.2f %s (load %s)%n", name, value, unit, load);
  }

  /** The machine's load averages (1, 5, 15 min) as uptime prints them: the machine is shared. */
  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private void write(Path out) throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String[] r : results) {
      lines.put(r[0], r[2] + "\t" + r[1] + "\t" + r[3]);
    }
    StringBuilder tsv = new StringBuilder("measurement\tvalue\tunit\tload average\n");
    lines.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
    Files.writeString(out.resolve("results.tsv"), tsv.toString());
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("govshare-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("package first: mvn -Pbench -DskipTests package"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
