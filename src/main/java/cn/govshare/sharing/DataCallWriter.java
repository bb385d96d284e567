package cn.govshare.sharing;

import cn.govshare.audit.AuditTrail;
import cn.govshare.statistics.DataCalls;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
 * Group commit of data calls (issue 25, R20/R26/R27). A grant check hands its audit record, its statistics count
 * and (for a call refused under a grant held) its {@link CallRefused} event to this writer and waits; a writer
 * thread takes every call waiting at that moment (up to {@code govshare.data-calls.batch}) and writes them in one
 * transaction: the audit records and the counter rows through MyBatis' batch executor (one multi-row statement each
 * on MySQL/MariaDB), or, for a batch holding a refusal, the simple executor and the events' listeners. Only
 * after that commit is each call answered, so every answered call has a durable record and an exact count, at
 * one commit (one fsync, one round of transaction statements) per batch instead of per call. Two or more writer
 * threads ({@code govshare.data-calls.writers}) take turns: while one batch commits, the next one gathers and
 * starts. No lock is taken: records are inserted unsealed and sealed by the {@code AuditSealer} as before. On
 * MySQL/MariaDB the usual batches go through the writers' own connections ({@link DataCallConnections}: autocommit
 * off from the start, three round trips a batch instead of five).
 * A batch that fails for any reason but a lost database is written again call by call, so one bad call cannot
 * fail the others.
 */
@Component
class DataCallWriter implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DataCallWriter.class);
  private static final int LOCK_ATTEMPTS = 5;

  /** One call waiting for its commit. */
  record Call(AuditTrail.Prepared record, DataCalls.DataCallKey count, CallRefused refused,
      CompletableFuture<Void> written) {
  }

  private final AuditTrail audit;
  private final DataCalls dataCalls;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final DataSource dataSource;
  /** The application's MyBatis settings, which the writers' own sessions take over. */
  private final SqlSessionFactory sessions;
  /** The writers' own connections and what writes on them; null on the embedded H2 (see DataCallConnections). */
  private volatile Lean lean;
  private final int writers;
  private final int batch;
  private final Duration wait;
  private final LinkedBlockingQueue<Call> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /** A usual batch's writes on the writers' own connections. */
  private record Lean(DataCallConnections connections, Consumer<List<AuditTrail.Prepared>> records,
      Consumer<Collection<DataCalls.DataCallKey>> counts) {
  }

  DataCallWriter(AuditTrail audit, DataCalls dataCalls, ApplicationEventPublisher events,
      PlatformTransactionManager transactions, DataSource dataSource, SqlSessionFactory sessions,
      @Value("${govshare.data-calls.writers}") int writers, @Value("${govshare.data-calls.batch}") int batch,
      @Value("${govshare.data-calls.write-timeout}") Duration wait) {
    this.audit = audit;
    this.dataCalls = dataCalls;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.dataSource = dataSource;
    this.sessions = sessions;
    this.writers = Math.max(1, writers);
    this.batch = Math.max(1, batch);
    this.wait = wait;
  }

  /**
   * Writes the call with the others waiting now and returns once it is committed; throws what the write threw
   * (a lost database: {@link DataAccessResourceFailureException}, answered 503 and nothing recorded).
   */
  void write(AuditTrail.Prepared record, DataCalls.DataCallKey count, CallRefused refused) {
    Call call = new Call(record, count, refused, new CompletableFuture<>());
    if (!running) {
      throw new DataAccessResourceFailureException("数据调用记录写入器未运行（正在启动或停止）");
    }
    queue.add(call);
    try {
      call.written().get(wait.toMillis(), TimeUnit.MILLISECONDS);
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
    while (running || !queue.isEmpty()) {
      try {
        Call first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        calls.add(first);
        queue.drainTo(calls, batch - 1);
        writeBatch(calls);
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
      writeRetryingLocks(calls);
      calls.forEach(call -> call.written().complete(null));
    } catch (RuntimeException failure) {
      if (calls.size() == 1 || failure instanceof DataAccessResourceFailureException
          || failure instanceof CannotCreateTransactionException) {
        calls.forEach(call -> call.written().completeExceptionally(failure));
        return;
      }
      LOG.warn("data-call batch of {} failed, writing each call alone: {}", calls.size(), failure.toString());
      for (Call call : calls) {
        try {
          writeRetryingLocks(List.of(call));
          call.written().complete(null);
        } catch (RuntimeException alone) {
          call.written().completeExceptionally(alone);
        }
      }
    }
  }

  /**
   * One transaction for the calls, tried again when the database chose it as a deadlock's victim or it waited too
   * long for a lock (two writers creating the same counter row): it was rolled back whole, nothing of it counted.
   */
  private void writeRetryingLocks(List<Call> calls) {
    // a refusal's listeners write through the application's mappers: such a batch stays on the application's pool
    Lean own = calls.stream().noneMatch(call -> call.refused() != null) ? lean : null;
    TransactionTemplate in = own == null ? transaction : own.connections().transaction();
    for (int attempt = 1; ; attempt++) {
      try {
        in.executeWithoutResult(status -> write(calls, own));
        return;
      } catch (PessimisticLockingFailureException lock) {
        if (attempt >= LOCK_ATTEMPTS) {
          throw lock;
        }
        LOG.debug("data-call batch of {} lost a lock (attempt {}), written again: {}", calls.size(), attempt,
            lock.toString());
      }
    }
  }

  /** Writes the calls in the current transaction: on the writers' own connections when {@code own} is given. */
  private void write(List<Call> calls, Lean own) {
    List<AuditTrail.Prepared> records = calls.stream().map(Call::record).toList();
    List<DataCalls.DataCallKey> counts = calls.stream().map(Call::count).toList();
    if (own != null) {
      own.records().accept(records);
      own.counts().accept(counts);
      return;
    }
    if (dataCalls.countsInBatches() && calls.stream().noneMatch(call -> call.refused() != null)) {
      // the usual batch: MyBatis' batch executor throughout, static statements parsed once (a dynamic multi-row
      // statement cost most of the writer's CPU and allocation in the issue-25 profile)
      audit.insertBatched(records);
      dataCalls.countBatched(counts);
      return;
    }
    // a refusal's listeners (R29 register) use the simple executor, which cannot share a transaction with the batch
    // one; on H2 a new counter row's insert can meet another writer's, which count() handles row by row
    audit.insert(records);
    dataCalls.count(counts);
    for (Call call : calls) {
      if (call.refused() != null) {
        events.publishEvent(call.refused());
      }
    }
  }

  @Override
  public void start() {
    if (dataSource instanceof HikariDataSource application && dataCalls.countsInBatches()) {
      DataCallConnections connections = DataCallConnections.like(application, sessions.getConfiguration(), writers);
      lean = new Lean(connections, audit.batchInsertOn(connections.sessions()),
          dataCalls.batchCountOn(connections.sessions()));
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
      late.written().completeExceptionally(new DataAccessResourceFailureException("数据调用记录写入器已停止"));
    }
  }

  /** Whether the usual batches go through the writers' own connections (MySQL/MariaDB, DataCallConnections). */
  boolean writesOnOwnConnections() {
    return lean != null;
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
