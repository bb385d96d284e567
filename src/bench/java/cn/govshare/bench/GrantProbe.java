package cn.govshare.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The grant check alone against an application already running (profiling, before/after comparisons):
 * {@code java -cp … cn.govshare.bench.GrantProbe PORT APP_PID RATE SECONDS [DB_USER]}. Prints the achieved rate,
 * p50/p99 from when each call was due, and per check: CPU of this load generator, the application and MariaDB
 * (from /proc) and the statements of the application's database user (USER_STATISTICS, userstat on).
 */
public final class GrantProbe {

  private GrantProbe() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long app = Long.parseLong(args[1]);
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    String user = args.length > 4 ? args[4] : "govshare_bench";
    IntFunction<byte[]> checks = PerformanceHarness.grantChecks(port);
    RawLoad.open(port, Math.min(rate, 500), Duration.ofSeconds(3), 64, checks);  // warm-up
    long self = ProcessHandle.current().pid();
    long db = Cpu.mariadb();
    long q0 = statements(user);
    long load0 = Cpu.millis(self);
    long app0 = Cpu.millis(app);
    long db0 = Cpu.millis(db);
    Load.Result step = RawLoad.open(port, rate, Duration.ofSeconds(seconds), 64, checks);
    long load1 = Cpu.millis(self);
    long app1 = Cpu.millis(app);
    long db1 = Cpu.millis(db);
    long q1 = statements(user);
    int n = step.operations();
    System.out.printf("rate %d: achieved %.0f/s, p50 %.2f ms, p99 %.2f ms, failures %d; per check: loadgen %.3f ms,"
        + " app %.3f ms, MariaDB %.3f ms CPU, %.2f statements (load %s)%n", rate, step.perSecond(), step.p50Millis(),
        step.p99Millis(), step.failures(), (load1 - load0) / (double) n, (app1 - app0) / (double) n,
        (db1 - db0) / (double) n, (q1 - q0 - 1) / (double) n,
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
  }

  private static long statements(String user) throws Exception {
    try (Connection root = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/?useSSL=false"
        + "&allowPublicKeyRetrieval=true", "root", "");
        Statement sql = root.createStatement();
        ResultSet rows = sql.executeQuery("SELECT COALESCE(SUM(SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS), 0)"
            + " FROM information_schema.USER_STATISTICS WHERE USER = '" + user + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
