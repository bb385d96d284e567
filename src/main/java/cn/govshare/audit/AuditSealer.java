package cn.govshare.audit;

import cn.govshare.MySqlFamily;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit records into the keyed chain (issue 25). Business transactions only insert their
 * records; this sealer takes the head row's lock for one batch at a time, checks each waiting record's own
 * HMAC, gives it the next chain position and its chained HMAC, and moves the signed head, all in one
 * transaction. The head lock makes one sealer at a time across every node: a second one waits for the batch
 * and then finds those records sealed. Woken right after a commit on this node (and then waiting
 * {@code govshare.audit.seal-linger} for the commits that follow, so a batch holds more than one record), and
 * every {@code govshare.audit.seal-poll} for records committed on other nodes or left by a crash.
 */
@Component
class AuditSealer implements SmartLifecycle {

  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

  /** Batch executor: a batch's updates go to the database together at the commit. */
  private final AuditMapper batch;
  private final AuditKeys keys;
  /** MySQL/MariaDB: a batch's seals may go in one statement ({@link #sealsInOneStatement}). */
  private final MySqlFamily mysql;
  private final TransactionTemplate transaction;
  private final Duration poll;
  private final Duration linger;
  private final Semaphore signal = new Semaphore(0);
  /** Whether this database runs {@link AuditMapper#sealAll}; null: not asked yet. */
  private volatile Boolean oneStatement;
  private volatile boolean running;
  private Thread thread;

  AuditSealer(SqlSessionFactory sessions, AuditKeys keys, PlatformTransactionManager transactions,
      MySqlFamily mysql, @Value("${govshare.audit.seal-poll}") Duration poll,
      @Value("${govshare.audit.seal-linger}") Duration linger) {
    this.mysql = mysql;
    this.batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(AuditMapper.class);
    this.keys = keys;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.poll = poll;
    this.linger = linger;
  }

  /** A record was committed on this node: seal it now rather than at the next poll. */
  void wake() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  /** Seals everything committed so far, in the caller's thread; returns how many records were sealed. */
  int sealNow() {
    int sealed = 0;
    Batch done;
    boolean together = sealsInOneStatement();
    do {
      done = transaction.execute(status -> sealBatch(together));
      sealed += done.sealed();
    } while (done.read() == BATCH && done.sealed() > 0);
    return sealed;
  }

  private record Batch(int read, int sealed) {
  }

  /**
   * Whether a batch's seals go in one statement: on MySQL/MariaDB with JSON_TABLE, once the database has run
   * {@link AuditMapper#sealAll} itself (asked once, with no rows); a server whose grammar refuses it seals one record
   * a statement. A lost database leaves it to be asked again.
   */
  boolean sealsInOneStatement() {
    Boolean together = oneStatement;
    if (together == null) {
      if (!mysql.test()) {
        return false;
      }
      together = MySqlFamily.runs(() -> transaction.executeWithoutResult(status -> batch.sealAll("[]")), LOG,
          "audit sealing keeps to one statement a record");
      oneStatement = together;
    }
    return together;
  }

  private Batch sealBatch(boolean together) {
    AuditHead head = batch.lockHead();
    List<AuditRecord> waiting = batch.unsealed(BATCH);
    if (waiting.isEmpty()) {
      return new Batch(0, 0);
    }
    long seq = batch.lastSeq();
    String previous = head.lastHash();
    long lastId = head.last();
    long count = head.count();
    List<AuditMapper.Seal> seals = new ArrayList<>(waiting.size());
    for (AuditRecord record : waiting) {
      if (record.keyId() != null && !keys.has(record.keyId())) {
        // written by a node holding a key this one lacks (a rotation not rolled out here yet): left for that node
        LOG.warn("audit record {} is signed with key {} which this node does not hold: left unsealed", record.id(),
            record.keyId());
        continue;
      }
      if (!authentic(record)) {
        batch.refuse(record.id());
        LOG.error("audit record {} refused: its own HMAC does not match (written without the key, or changed)",
            record.id());
        continue;
      }
      AuditRecord linked = record.linked(previous, record.keyId(), null);
      previous = keys.mac(record.keyId(), linked.canonical());
      seals.add(new AuditMapper.Seal(record.id(), ++seq, linked.prevHash(), previous));
      lastId = record.id();
      count++;
    }
    if (!seals.isEmpty()) {
      if (together) {
        batch.sealAll(AuditMapper.Seal.rows(seals));
      } else {
        seals.forEach(seal -> batch.seal(seal.id(), seal.seq(), seal.prevHash(), seal.hash()));
      }
      String key = keys.currentId();
      AuditHead moved = new AuditHead(previous, lastId, count, head.legacyLastId(), key, null);
      batch.updateHead(new AuditHead(moved.lastHash(), moved.lastId(), moved.recordCount(), moved.legacyLastId(), key,
          keys.mac(key, moved.canonical())));
    }
    return new Batch(waiting.size(), seals.size());
  }

  /** The record's own HMAC (in {@code hash} while unsealed) under its key. */
  private boolean authentic(AuditRecord record) {
    if (record.keyId() == null || record.hash() == null) {
      return false;
    }
    return MessageDigest.isEqual(keys.mac(record.keyId(), record.unsealedText()).getBytes(StandardCharsets.US_ASCII),
        record.hash().getBytes(StandardCharsets.US_ASCII));
  }

  private void run() {
    while (running) {
      try {
        if (signal.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS) && running) {
          // a batch costs about seven statements however small: let the commits of the next moment join it
          Thread.sleep(linger.toMillis());
        }
        signal.drainPermits();
        sealNow();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database is away or busy: the records are committed and wait (at shutdown: for the next start);
        // verify reports them if it lasts
        LOG.warn("audit sealing failed, retried within {}: {}", poll, e.toString());
      }
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::run, "audit-sealer");
    thread.setDaemon(true);
    thread.start();
    wake();
  }

  @Override
  public void stop() {
    // no interrupt: an interrupted H2 file write closes the database file; the last pass seals what is left
    running = false;
    signal.release();
    try {
      thread.join(poll.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts before and stops after the web server: what a draining request records is still sealed here. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
