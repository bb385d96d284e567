package cn.govshare.sharing;

import cn.govshare.BatchMappers;
import cn.govshare.MySqlFamily;
import cn.govshare.audit.AuditTrail;
import cn.govshare.clock.Zones;
import cn.govshare.statistics.DataCalls;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of data calls (issue 25, R20/R26/R27). A grant check hands its {@link DataCall} to this writer and
 * waits; a writer thread takes every call waiting at that moment (up to {@code govshare.data-calls.batch}) and, in
 * one transaction, looks up the grants of all of them in one statement, judges each call against its department's
 * grants ({@link DataCall#judge}), and writes their audit records and counter rows through MyBatis' batch executor
 * (one multi-row statement each on MySQL/MariaDB). Only after that commit is each call answered, so every answered
 * call has a durable record and an exact count, judged on the grants as they stood in the transaction that recorded
 * it, at one lookup and one commit (one fsync, one round of transaction statements) per batch instead of a lookup per
 * call and a commit per batch. One writer thread by default: the calls that arrive while a batch commits make the
 * next batch (with a short linger when they come faster than a commit, {@link BatchTaker}); more ({@code govshare.data-calls.writers}) take turns, one starting while another commits. No lock is
 * taken: records are inserted unsealed and sealed by the {@code AuditSealer} as before. On MySQL/MariaDB the
 * batches go through the writers' own connections ({@link DataCallConnections}: autocommit off from the start, four
 * round trips a batch); a call refused under a grant held, whose {@link CallRefused} listeners (the R29 register)
 * write through the application's mappers, is judged there and written just after in a transaction of the
 * application's pool. A batch that fails for any reason but a lost database is written again call by call, so one bad
 * call cannot fail the others.
 */
@Component
class DataCallWriter implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DataCallWriter.class);
  private static final int LOCK_ATTEMPTS = 5;
  private static final Comparator<DataCallMapper.ActiveGrant> ISSUE_ORDER =
      Comparator.comparingLong(DataCallMapper.ActiveGrant::id);

  /** One call waiting for its commit. */
  private record Call(DataCall call, CompletableFuture<GrantCheck> answered) {
  }

  /** A call judged in its batch's transaction, with what is written for it. */
  private record Judged(Call call, GrantCheck answer, AuditTrail.Prepared record, DataCalls.DataCallKey count,
      CallRefused refused) {
  }

  private final AuditTrail audit;
  private final DataCalls dataCalls;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final DataSource dataSource;
  /** The application's MyBatis settings, which the writers' own sessions take over. */
  private final SqlSessionFactory sessions;
  /** The lookup on the application's sessions (the embedded H2, a refusal's transaction). */
  private final DataCallMapper grants;
  private final Clock clock;
  /** The writers' own connections and what writes on them; null on the embedded H2 (see DataCallConnections). */
  private volatile Lean lean;
  /** Whether the database runs {@link DataCallMapper#findActiveGrantsIn} on those connections; null: not asked yet. */
  private volatile Boolean jsonLookup;
  private final int writers;
  private final int batch;
  private final Duration wait;
  private final Duration linger;
  private final LinkedBlockingQueue<Call> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /** A batch's grant lookup: the active grants of the keys of its calls, valid on a day. */
  private interface Lookup {
    List<DataCallMapper.ActiveGrant> find(Collection<DataCall.Key> keys, LocalDate today);
  }

  /** A batch's lookup and writes on the writers' own connections. */
  private record Lean(DataCallConnections connections, DataCallMapper grants,
      Consumer<List<AuditTrail.Prepared>> records, Consumer<Collection<DataCalls.DataCallKey>> counts) {
  }

  DataCallWriter(AuditTrail audit, DataCalls dataCalls, ApplicationEventPublisher events,
      PlatformTransactionManager transactions, DataSource dataSource, SqlSessionFactory sessions,
      DataCallMapper grants, Clock clock, @Value("${govshare.data-calls.writers}") int writers,
      @Value("${govshare.data-calls.batch}") int batch, @Value("${govshare.data-calls.write-timeout}") Duration wait,
      @Value("${govshare.data-calls.linger}") Duration linger) {
    this.audit = audit;
    this.dataCalls = dataCalls;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.dataSource = dataSource;
    this.sessions = sessions;
    this.grants = grants;
    this.clock = clock;
    this.writers = Math.max(1, writers);
    this.batch = Math.max(1, batch);
    this.wait = wait;
    this.linger = linger;
  }

  /**
   * Checks the call with the others waiting now and returns its answer once its record and count are committed;
   * throws what the write threw (a lost database: {@link DataAccessResourceFailureException}, answered 503 and
   * nothing recorded).
   */
  GrantCheck check(DataCall dataCall) {
    Call call = new Call(dataCall, new CompletableFuture<>());
    if (!running) {
      throw new DataAccessResourceFailureException("数据调用记录写入器未运行（正在启动或停止）");
    }
    queue.add(call);
    try {
      return call.answered().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      // not answered: the record may still be committed later, which is allowed (recorded, never answered)
      throw new DataAccessResourceFailureException("数据调用记录未能在 " + wait.toSeconds() + " 秒内写入");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessResourceFailureException("数据调用记录写入被中断");
    }
  }

  private void run() {
    List<Call> calls = new ArrayList<>(batch);
    BatchTaker<Call> taker = new BatchTaker<>(queue, batch, linger);
    while (running || !queue.isEmpty()) {
      try {
        if (taker.take(calls)) {
          writeBatch(calls);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        calls.clear();
      }
    }
  }

  private void writeBatch(List<Call> calls) {
    try {
      write(calls);
    } catch (RuntimeException failure) {
      // the calls of a transaction that committed are answered already
      List<Call> open = calls.stream().filter(call -> !call.answered().isDone()).toList();
      if (open.size() == 1 || failure instanceof DataAccessResourceFailureException
          || failure instanceof CannotCreateTransactionException) {
        open.forEach(call -> call.answered().completeExceptionally(failure));
        return;
      }
      LOG.warn("data-call batch of {} failed, writing each call alone: {}", open.size(), failure.toString());
      for (Call call : open) {
        try {
          write(List.of(call));
        } catch (RuntimeException alone) {
          call.answered().completeExceptionally(alone);
        }
      }
    }
  }

  /**
   * Judges and writes the calls, each answered after the commit that holds its record: on the writers' own
   * connections those not refused under a grant held, then the refused ones on the application's pool with their
   * events; without those connections, all on the application's pool.
   */
  private void write(List<Call> calls) {
    Lean own = lean;
    if (own == null) {
      answer(retryingLocks(transaction, () -> {
        List<Judged> judged = judge(calls, grants::findActiveGrants);
        writeWithEvents(judged);
        return judged;
      }));
      return;
    }
    Lookup lookup = lookupOn(own);
    Map<Boolean, List<Judged>> byRefusal = retryingLocks(own.connections().transaction(), () -> {
      Map<Boolean, List<Judged>> parts = judge(calls, lookup).stream()
          .collect(Collectors.partitioningBy(call -> call.refused() != null));
      List<Judged> usual = parts.get(false);
      own.records().accept(usual.stream().map(Judged::record).toList());
      own.counts().accept(usual.stream().map(Judged::count).toList());
      return parts;
    });
    answer(byRefusal.get(false));
    List<Judged> refused = byRefusal.get(true);
    if (!refused.isEmpty()) {
      // judged in the transaction above; recorded with the register's event in the application's own
      answer(retryingLocks(transaction, () -> {
        writeWithEvents(refused);
        return refused;
      }));
    }
  }

  /**
   * The lookup on the writers' own connections: the static {@link DataCallMapper#findActiveGrantsIn} once the
   * database has run it, {@link DataCallMapper#findActiveGrants} where it refused it. Asked at the first batch, not at
   * start, when the database may still be away; a lost database leaves it to be asked again.
   */
  private Lookup lookupOn(Lean own) {
    Boolean json = jsonLookup;
    if (json == null) {
      json = MySqlFamily.runs(() -> own.connections().transaction().executeWithoutResult(
              status -> own.grants().findActiveGrantsIn("[]", LocalDate.now(clock.withZone(Zones.SHANGHAI)))),
          LOG, "the grant lookup keeps to its <foreach> form");
      jsonLookup = json;
    }
    DataCallMapper mapper = own.grants();
    return json ? (keys, today) -> mapper.findActiveGrantsIn(DataCallMapper.rows(keys), today)
        : mapper::findActiveGrants;
  }

  /** The calls' grants, looked up in one statement in the current transaction, and each call judged against its own. */
  private List<Judged> judge(List<Call> calls, Lookup lookup) {
    Set<DataCall.Key> keys = new LinkedHashSet<>();
    calls.forEach(call -> keys.add(call.call().key()));
    Map<DataCall.Key, List<DataCallMapper.ActiveGrant>> held = new HashMap<>();
    LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
    for (DataCallMapper.ActiveGrant grant : lookup.find(keys, today)) {
      held.computeIfAbsent(grant.key(), key -> new ArrayList<>()).add(grant);
    }
    held.values().forEach(grants -> grants.sort(ISSUE_ORDER));
    List<Judged> judged = new ArrayList<>(calls.size());
    for (Call call : calls) {
      DataCall asked = call.call();
      DataCall.Verdict verdict = asked.judge(held.getOrDefault(asked.key(), List.of()));
      GrantCheck answer = verdict.answer();
      AuditTrail.Prepared record = audit.prepare(asked.caller(), "GRANT_CHECK", "GRANT",
          answer.grantId() == null ? null : String.valueOf(answer.grantId()),
          answer.allowed() ? AuditTrail.OK : AuditTrail.REJECTED, verdict.detail(), verdict.concerns(),
          asked.remoteAddress());
      judged.add(new Judged(call, answer, record,
          dataCalls.call(asked.resourceCode(), asked.department(), verdict.provider(), verdict.outcome()),
          verdict.refused()));
    }
    return judged;
  }

  /**
   * Writes judged calls in the current transaction of the application's pool with the simple executor, which a
   * refusal's listeners (R29 register) share; on H2 a new counter row's insert can meet another writer's, which
   * count() handles row by row.
   */
  private void writeWithEvents(List<Judged> judged) {
    audit.insert(judged.stream().map(Judged::record).toList());
    dataCalls.count(judged.stream().map(Judged::count).toList());
    for (Judged call : judged) {
      if (call.refused() != null) {
        events.publishEvent(call.refused());
      }
    }
  }

  private static void answer(List<Judged> committed) {
    committed.forEach(call -> call.call().answered().complete(call.answer()));
  }

  /**
   * One transaction, tried again when the database chose it as a deadlock's victim or it waited too long for a lock
   * (two writers creating the same counter row): it was rolled back whole, nothing of it counted, and it is judged
   * again.
   */
  private static <T> T retryingLocks(TransactionTemplate in, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return in.execute(status -> work.get());
      } catch (PessimisticLockingFailureException lock) {
        if (attempt >= LOCK_ATTEMPTS) {
          throw lock;
        }
        LOG.debug("data-call batch lost a lock (attempt {}), written again: {}", attempt, lock.toString());
      }
    }
  }

  @Override
  public void start() {
    if (dataSource instanceof HikariDataSource application && dataCalls.countsInBatches()) {
      DataCallConnections connections = DataCallConnections.like(application, sessions.getConfiguration(), writers);
      lean = new Lean(connections, BatchMappers.on(connections.sessions(), DataCallMapper.class),
          audit.batchInsertOn(connections.sessions()), dataCalls.batchCountOn(connections.sessions()));
      jsonLookup = null;
    }
    running = true;
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::run, "data-call-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /** Refuses new calls, writes those already waiting, then stops. */
  @Override
  public void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
    if (lean != null) {
      lean.connections().close();
      lean = null;
    }
    // a call that came in while the writers were finishing: not written, not answered as written
    for (Call late; (late = queue.poll()) != null; ) {
      late.answered().completeExceptionally(new DataAccessResourceFailureException("数据调用记录写入器已停止"));
    }
  }

  /** Whether the batches go through the writers' own connections (MySQL/MariaDB, DataCallConnections). */
  boolean writesOnOwnConnections() {
    return lean != null;
  }

  /** Whether those batches' grants are looked up in the JSON_TABLE statement (false also before the first batch). */
  boolean looksUpInJsonRows() {
    return lean != null && Boolean.TRUE.equals(jsonLookup);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts before and stops after the web server (a draining request's call is still written), before the sealer. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 3072;
  }
}
