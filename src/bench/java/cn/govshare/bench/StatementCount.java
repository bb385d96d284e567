package cn.govshare.bench;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Counts the statements the application sends to MariaDB (Connector/J {@code queryInterceptors}), by their first
 * words, leaving out the benchmark's own (a thread marked {@link #quiet}): statements per unit of work on a
 * shared server, where the server's counters include everybody's.
 */
public final class StatementCount implements QueryInterceptor {

  private static final Map<String, LongAdder> BY_KIND = new ConcurrentHashMap<>();
  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);
  /** -Dbench.statementKinds=true: by kind too (costs the application CPU: each statement's text is built). */
  private static final boolean KINDS = Boolean.getBoolean("bench.statementKinds");
  private static final String ALL = "(kinds not counted: -Dbench.statementKinds=true)";

  /** Statements of the calling thread are not counted while {@code work} runs. */
  public static <T> T quiet(Supplier<T> work) {
    QUIET.set(true);
    try {
      return work.get();
    } finally {
      QUIET.set(false);
    }
  }

  public static long total() {
    return BY_KIND.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public static Map<String, Long> snapshot() {
    return BY_KIND.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  /** The kinds that grew since {@code before}, most first, per {@code units}. */
  public static String since(Map<String, Long> before, int units) {
    return snapshot().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> String.format("%8.3f  %s", e.getValue() / (double) units, e.getKey()))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
    return this;
  }

  @Override
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
    if (!QUIET.get()) {
      BY_KIND.computeIfAbsent(KINDS ? kind(sql == null ? null : sql.get()) : ALL, k -> new LongAdder()).increment();
    }
    return null;
  }

  private static String kind(String sql) {
    if (sql == null) {
      return "?";
    }
    String flat = sql.strip().replaceAll("\\s+", " ").replaceAll("'[^']*'", "?");
    int cut = flat.indexOf(" where ") > 0 ? flat.indexOf(" where ") : flat.toLowerCase().indexOf(" where ");
    if (cut > 0) {
      flat = flat.substring(0, cut);
    }
    if (flat.toLowerCase().startsWith("select")) {
      int from = flat.toLowerCase().indexOf(" from ");
      flat = "select … " + (from > 0 ? flat.substring(from + 1) : flat);
    }
    if (flat.toLowerCase().startsWith("insert")) {
      int paren = flat.indexOf('(');
      flat = paren > 0 ? flat.substring(0, paren) : flat;
    }
    return flat.length() > 110 ? flat.substring(0, 110) : flat;
  }

  @Override
  public boolean executeTopLevelOnly() {
    return false;
  }

  @Override
  public void destroy() {
  }

  @Override
  public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T originalResultSet,
      ServerSession serverSession) {
    return null;
  }
}
