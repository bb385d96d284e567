package cn.govshare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) of a local process from /proc, to charge each side of the harness its own cost. */
public final class Cpu {

  /** USER_HZ: the unit of utime and stime in /proc/PID/stat on Linux. */
  private static final long TICKS_PER_SECOND = 100;

  private Cpu() {
  }

  public static long millis(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // fields after the command name, which is in parentheses and may contain spaces
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);  // utime, stime (fields 14, 15)
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  /** CPU milliseconds of each thread of this JVM by thread name, digits dropped (pool threads summed), from /proc. */
  public static java.util.Map<String, Long> threads() throws IOException {
    return threads(Path.of("/proc/self/task"));
  }

  /**
   * CPU milliseconds of the JIT compiler threads (C1, C2) of a local JVM: compiling is not steady-state work, and a
   * side that runs more code charges more of it to its first rounds.
   */
  public static long compilerMillis(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    return threads(Path.of("/proc", Long.toString(pid), "task")).entrySet().stream()
        .filter(e -> e.getKey().startsWith("CN CompilerThre")).mapToLong(java.util.Map.Entry::getValue).sum();
  }

  private static java.util.Map<String, Long> threads(Path taskDirectory) throws IOException {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(taskDirectory)) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          byName.merge(name, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return byName;
  }

  /** The local MariaDB server's pid, or 0 when it is not on this machine. */
  public static long mariadb() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(0);
  }
}
