package cn.govshare.deadline;

import cn.govshare.MySqlFamily;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A breach burst in small batches (R27, issue 25): the breach timer that fires raises its own breach and up to
 * {@code govshare.deadline.breach-batch} − 1 other due ones in the same transaction, deleting their timers, so
 * a burst of 1 000 is 1 000 / batch commits instead of 1 000 jobs; the batch is read, marked and reported with one
 * statement per kind ({@link DeadlineLedger#breachAll}, {@link DeadlinesBreached}). When a batch fails, every deadline in it is
 * marked and from then on raised alone by its own timer (one by one, the engine's retries and incident as
 * before): one failing deadline never holds back the others for more than one attempt.
 */
@Component
class BreachBatches {

  private static final Logger LOG = LoggerFactory.getLogger(BreachBatches.class);
  /** Candidates read per place in the batch: concurrent batches read the same first ones and skip each other's. */
  private static final int CANDIDATES = 8;

  private final DeadlineLedger ledger;
  private final DeadlineJobsMapper jobs;
  private final DeadlineMapper deadlines;
  private final Clock clock;
  private final int size;
  private final MySqlFamily mysql;
  /** Deadlines of a failed batch on this node: raised alone, by their own timer. */
  private final Set<Long> alone = ConcurrentHashMap.newKeySet();
  /** Deadlines breached by each committed batch on this node (a deadline raised alone is a batch of one). */
  private final DistributionSummary batchSizes;

  BreachBatches(DeadlineLedger ledger, DeadlineJobsMapper jobs, DeadlineMapper deadlines, Clock clock,
      @Value("${govshare.deadline.breach-batch}") int size, MySqlFamily mysql, MeterRegistry meters) {
    this.batchSizes = DistributionSummary.builder("govshare.deadline.breach.batch")
        .description("deadlines breached together by one breach timer's committed transaction").register(meters);
    this.mysql = mysql;
    this.ledger = ledger;
    this.jobs = jobs;
    this.deadlines = deadlines;
    this.clock = clock;
    this.size = size;
  }

  /**
   * Whether the batch reads and locks its candidates with static JSON_TABLE statements (MySQL/MariaDB, issue 25): a
   * batch's candidates are up to {@code CANDIDATES × (size − 1)} ids, which the {@code <foreach>} forms bound one by one
   * into a statement built anew for every number of them. Asked of the database once, by running each with no rows.
   */
  boolean inJsonRows() {
    String otherwise = "breach batches keep to statements built for their number of candidates";
    return mysql.supports("DeadlineJobsMapper.unheldTimersIn", () -> jobs.unheldTimersIn(DeadlineJobs.BREACH, "[]"),
        LOG, otherwise)
        && mysql.supports("DeadlineJobsMapper.lockJobsIn", () -> jobs.lockJobsIn("[]", 1), LOG, otherwise)
        && mysql.supports("DeadlineJobsMapper.lockOpenIn", () -> jobs.lockOpenIn("[]"), LOG, otherwise);
  }

  /** The breach timer of deadline {@code own} fired: inside its job's command. */
  void breach(long own) {
    if (size <= 1 || alone.contains(own)) {
      if (ledger.breach(own)) {
        counted(1);
      }
      alone.remove(own);
      return;
    }
    CommandContext context = Context.getCommandContext();
    // the own row first, then the others' timers and rows by primary key, skipping those another batch holds:
    // no two batches wait for each other (a locking scan of the state index deadlocked in the burst)
    deadlines.lockByIds(List.of(own));
    boolean json = inJsonRows();
    List<DeadlineJobsMapper.DueTimer> candidates = jobs.dueCandidates(DeadlineJobs.BREACH, clock.instant(), own,
        CANDIDATES * (size - 1), json).stream().filter(due -> !alone.contains(due.deadlineId())).toList();
    Map<Long, Set<String>> timers = new LinkedHashMap<>();
    if (!candidates.isEmpty()) {
      Set<String> held = new HashSet<>(jobs.takeJobs(candidates.stream().map(DeadlineJobsMapper.DueTimer::jobId)
          .toList(), size - 1, json));
      List<DeadlineJobsMapper.DueTimer> taken = candidates.stream().filter(due -> held.contains(due.jobId())).toList();
      Set<Long> open = taken.isEmpty() ? Set.of()
          : new HashSet<>(jobs.takeOpen(taken.stream().map(DeadlineJobsMapper.DueTimer::deadlineId).toList(), json));
      taken.stream().filter(due -> open.contains(due.deadlineId()))
          .forEach(due -> timers.computeIfAbsent(due.deadlineId(), id -> new HashSet<>()).add(due.jobId()));
    }
    List<Long> batch = new ArrayList<>(List.of(own));
    batch.addAll(timers.keySet());
    context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, rolledBack -> {
      alone.addAll(batch);
      LOG.warn("breach batch of deadlines {} failed: each is raised alone by its own timer", batch);
    });
    Set<Long> breached = ledger.breachAll(batch);
    counted(breached.size());
    // the other deadlines' timers would only find them breached: deleted with the batch (the own one is running)
    EngineRows.deleteUnfailedTimers(EngineRows.jobs(timers.entrySet().stream()
        .filter(t -> breached.contains(t.getKey())).flatMap(t -> t.getValue().stream()).collect(Collectors.toSet())));
  }

  /** The batch's size in {@code govshare.deadline.breach.batch} once its transaction has committed. */
  private void counted(int breached) {
    if (breached > 0) {
      Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> batchSizes.record(breached));
    }
  }
}
