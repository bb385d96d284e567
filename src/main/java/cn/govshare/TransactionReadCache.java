package cn.govshare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issue 25: rows that one transaction reads again and again, read once per transaction. One task completion asks
 * for the same share request row up to six times (the candidate-group expression, the route, the answer period,
 * the case directory for the audit record, the deadline's period, the case-list columns), and a breach batch looks
 * up the same departments' webhooks for every notification; MyBatis's own session cache is dropped by every insert
 * in between (audit record, step, notification). This keeps the answers of the reads of {@code SharingMapper}
 * ({@code gs_share_request} and its steps) and {@code ChannelMapper} ({@code gs_notification_webhook}) for the
 * current Spring transaction only, and drops every answer that reads a table the moment any MyBatis write names
 * that table (e.g. {@code UPDATE gs_share_request}; an insert into {@code gs_share_request_step} drops only reads
 * of the steps). Outside a transaction, and for {@code FOR UPDATE} reads, nothing is kept. Nothing outlives the
 * transaction, so another transaction's commit is seen exactly as before by the next one. Inside a transaction the
 * answers are those MyBatis's own session cache already gave for a repeated read without a write in between (it
 * too ignores other transactions' commits meanwhile); what changes is that a write to another table no longer
 * drops them. No caller relies on seeing another transaction's commit mid-transaction (every change of a request's
 * state is a conditional UPDATE on the row, never a read-then-write).
 */
@Component
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
public class TransactionReadCache implements ExecutorInterceptor {

  /** The mappers whose reads are kept (by name: this package depends on no feature). */
  private static final Set<String> READERS = Set.of("cn.govshare.sharing.SharingMapper",
      "cn.govshare.notification.ChannelMapper");
  private static final Pattern TABLE = Pattern.compile("\\b(gs_[a-z0-9_]+)\\b", Pattern.CASE_INSENSITIVE);
  /** The tables whose reads are kept (the grant tables are not: the grant check has its own path). */
  private static final Set<String> CACHED = Set.of("gs_share_request", "gs_share_request_step",
      "gs_notification_webhook");
  private static final Object KEY = new Object();
  /** The tables of each statement whose text is fixed (no dynamic SQL), scanned once instead of on every call. */
  private static final Map<String, Set<String>> FIXED = new ConcurrentHashMap<>();

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    MappedStatement statement = (MappedStatement) args[0];
    if (statement.getSqlCommandType() != SqlCommandType.SELECT) {
      Reads reads = current();
      if (reads != null) {
        reads.dropReadsOf(tables(statement, () -> statement.getBoundSql(args[1]).getSql()));
      }
      return invocation.proceed();
    }
    String id = statement.getId();
    if (!READERS.contains(id.substring(0, Math.max(id.lastIndexOf('.'), 0))) || args[3] != Executor.NO_RESULT_HANDLER
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return invocation.proceed();
    }
    BoundSql sql = statement.getBoundSql(args[1]);
    String text = sql.getSql();
    Set<String> read = tables(statement, () -> text);
    if (!CACHED.containsAll(read) || read.isEmpty() || text.toUpperCase(Locale.ROOT).contains("FOR UPDATE")) {
      return invocation.proceed();
    }
    Executor executor = (Executor) invocation.getTarget();
    CacheKey key = executor.createCacheKey(statement, args[1], (RowBounds) args[2], sql);
    Reads reads = bind();
    Read kept = reads.answers.get(key);
    if (kept != null) {
      return new ArrayList<>(kept.rows());
    }
    @SuppressWarnings("unchecked")
    List<Object> rows = (List<Object>) invocation.proceed();
    reads.answers.put(key, new Read(new ArrayList<>(rows), read));
    return rows;
  }

  /** The tables a statement names; {@code sql} is built only for a dynamic statement or a fixed one's first call. */
  private static Set<String> tables(MappedStatement statement, Supplier<String> sql) {
    if (statement.getSqlSource() instanceof RawSqlSource) {
      return FIXED.computeIfAbsent(statement.getId(), id -> Set.copyOf(tables(sql.get())));
    }
    return tables(sql.get());
  }

  private static Set<String> tables(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher m = TABLE.matcher(sql);
    while (m.find()) {
      tables.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  private static Reads current() {
    return TransactionSynchronizationManager.isSynchronizationActive()
        ? (Reads) TransactionSynchronizationManager.getResource(KEY) : null;
  }

  private static Reads bind() {
    Reads reads = (Reads) TransactionSynchronizationManager.getResource(KEY);
    if (reads == null) {
      reads = new Reads();
      TransactionSynchronizationManager.bindResource(KEY, reads);
      TransactionSynchronizationManager.registerSynchronization(reads);
    }
    return reads;
  }

  private record Read(List<Object> rows, Set<String> tables) {
  }

  /** The reads of one transaction; set aside while a nested REQUIRES_NEW transaction runs. */
  private static final class Reads implements TransactionSynchronization {
    final Map<CacheKey, Read> answers = new HashMap<>();

    void dropReadsOf(Set<String> written) {
      for (Iterator<Read> it = answers.values().iterator(); it.hasNext(); ) {
        Read read = it.next();
        if (written.isEmpty() || read.tables().stream().anyMatch(written::contains)) {
          it.remove();
        }
      }
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
      answers.clear();
      TransactionSynchronizationManager.bindResource(KEY, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
  }
}
