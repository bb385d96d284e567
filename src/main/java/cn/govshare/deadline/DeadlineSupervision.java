package cn.govshare.deadline;

import cn.govshare.trust.CaseAudit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A time limit is never silently skipped (R27, issue 18): an OPEN timed deadline whose breach timer is missing,
 * suspended, out of retries or postponed past the due instant gets it armed again at the due instant, or, when
 * the due instant has already passed, is breached at once. Each repair is an audit record against the case. At
 * start-up every OPEN deadline is checked; then every {@code govshare.deadline.supervision-interval} those due
 * within two intervals (an index range, not all 100 000), so a breach comes at the latest one interval late.
 */
@Component
public class DeadlineSupervision {

  static final String RESTORED = "DEADLINE_TIMER_RESTORED";
  static final String BREACHED = "DEADLINE_BREACHED_BY_SUPERVISION";
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineSupervision.class);

  private final DeadlineJobsMapper jobs;
  private final DeadlineMapper deadlines;
  private final DeadlineLedger ledger;
  private final ProcessEngine engine;
  private final CaseAudit audit;
  private final Clock clock;
  private final Duration interval;

  DeadlineSupervision(DeadlineJobsMapper jobs, DeadlineMapper deadlines, DeadlineLedger ledger, ProcessEngine engine,
      CaseAudit audit, Clock clock, @Value("${govshare.deadline.supervision-interval}") Duration interval) {
    this.interval = interval;
    this.jobs = jobs;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** Start-up: timers created before they carried their process definition get their owner, then a check. */
  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    String pattern = DeadlineJobs.PREFIX + "%";
    int adopted = commands().execute(context -> jobs.adoptJobDefinitions(pattern) + jobs.adoptJobDefinitionKeys(pattern)
        + jobs.adoptIncidents(pattern) + jobs.adoptHistoricJobLogs() + jobs.adoptHistoricIncidents());
    if (adopted > 0) {
      LOG.info("{} deadline timer rows (jobs, incidents, history) given their process definition", adopted);
    }
    check();
  }

  @Scheduled(fixedDelayString = "${govshare.deadline.supervision-interval}",
      initialDelayString = "${govshare.deadline.supervision-interval}")
  void superviseDueSoon() {
    repairAll(jobs.unguarded(DeadlineJobs.BREACH, clock.instant().plus(interval.multipliedBy(2))));
  }

  /** Repairs every unguarded OPEN deadline, however far its due instant; returns how many. */
  public int check() {
    return repairAll(jobs.unguarded(DeadlineJobs.BREACH, null));
  }

  private int repairAll(List<Long> unguarded) {
    for (long id : unguarded) {
      commands().execute(context -> {
        repair(context, id);
        return null;
      });
    }
    return unguarded.size();
  }

  private void repair(CommandContext context, long id) {
    DeadlineRecord deadline = deadlines.findById(id);
    if (deadline == null || !deadline.isIn(DeadlineState.OPEN) || deadline.dueAt() == null) {
      return;
    }
    ExecutionEntity execution = context.getExecutionManager().findExecutionById(deadline.executionId());
    if (execution == null) {
      LOG.warn("deadline {} is OPEN but its execution {} is gone: left to the ledger", id, deadline.executionId());
      return;
    }
    String configuration = String.valueOf(id);
    for (JobEntity job : context.getJobManager().findJobsByConfiguration(DeadlineJobs.BREACH, configuration, null)) {
      job.delete();
    }
    Instant now = clock.instant();
    if (now.isBefore(deadline.dueAt())) {
      DeadlineJobs.armBreach(execution, id, deadline.dueAt());
      audit.accepted(null, RESTORED, deadline.processInstanceId(), "期限 " + id + "（" + deadline.taskName() + "，"
          + deadline.rule() + "）的超期定时器缺失、被挂起、重试次数为 0 或被推迟，已于到期时刻 " + deadline.dueAt()
          + " 重新设定");
      LOG.warn("deadline {}: breach timer was missing or disabled, armed again for {}", id, deadline.dueAt());
    } else {
      ledger.breach(id);
      audit.accepted(null, BREACHED, deadline.processInstanceId(), "期限 " + id + "（" + deadline.taskName() + "，"
          + deadline.rule() + "）已过到期时刻 " + deadline.dueAt() + " 而无有效的超期定时器，即时记为超期");
      LOG.warn("deadline {}: past due {} without a working breach timer, breached now", id, deadline.dueAt());
    }
  }

  private org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }
}
