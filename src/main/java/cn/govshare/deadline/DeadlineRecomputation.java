package cn.govshare.deadline;

import cn.govshare.audit.AuditTrail;
import cn.govshare.calendar.CalendarChanged;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Groups;
import cn.govshare.policy.LimitUnit;
import cn.govshare.policy.TimeLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Calendar data for some years changed (a year loaded after deadlines were computed on the weekends-only
 * fallback, or days corrected): every OPEN deadline whose counting period touches those years is
 * recomputed, one engine command each, so its due date, follow-up date and timers move together.
 * Breaches raised on fallback data are re-examined too (SPEC §3, §7): one the real calendar shows was not
 * a breach is withdrawn — the incident resolved, the deadline back to OPEN with its real due date (or MET
 * when the task was completed in time), audited, and the general office told (R27) — never left standing.
 */
@Component
class DeadlineRecomputation {

  static final String CATEGORY_WITHDRAWN = "DEADLINE_BREACH_WITHDRAWN";
  static final String ACTION_WITHDRAWN = "DEADLINE_BREACH_WITHDRAWN";
  private static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecomputation.class);
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(Zones.SHANGHAI);

  private final DeadlineMapper mapper;
  private final DeadlineLedger ledger;
  private final ProcessEngine engine;
  private final WorkingCalendar calendar;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  private final ApplicationEventPublisher events;

  DeadlineRecomputation(DeadlineMapper mapper, DeadlineLedger ledger, ProcessEngine engine, WorkingCalendar calendar,
      Notifications notifications, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.mapper = mapper;
    this.ledger = ledger;
    this.engine = engine;
    this.calendar = calendar;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** SPEC §3: when holiday data changes (e.g. next year loaded after fallback), open deadlines move. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void calendarChanged(CalendarChanged event) {
    recompute(event.years());
  }

  /** Returns how many deadlines moved or had their breach withdrawn. */
  int recompute(Set<Integer> years) {
    if (years.isEmpty()) {
      return 0;
    }
    TreeSet<Integer> sorted = new TreeSet<>(years);
    // a notice may list late-December days of the previous year: start the window a month early
    LocalDate from = LocalDate.of(sorted.first() - 1, 12, 1);
    var to = LocalDate.of(sorted.last() + 1, 1, 1).atStartOfDay(Zones.SHANGHAI).toInstant();
    String reason = "工作日历变更 (年份 " + sorted + ")，按新日历重新计算";
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    int moved = 0;
    for (long id : mapper.openOverlapping(from, to)) {
      if (retrying(commands, context -> ledger.recompute(context, id, reason))) {
        moved++;
      }
    }
    int withdrawn = 0;
    for (long id : mapper.breachedOnFallback(from, to)) {
      if (retrying(commands, context -> reexamine(context, id, reason))) {
        withdrawn++;
      }
    }
    LOG.info("calendar changed for {}: {} open deadlines moved, {} breaches withdrawn", sorted, moved, withdrawn);
    return moved + withdrawn;
  }

  /** The job executor may be running the deadline's timers at the same moment: run the command again. */
  private static boolean retrying(CommandExecutor commands, Command<Boolean> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.execute(command);
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.debug("deadline recomputation retried after a concurrent timer: {}", e.getMessage());
      }
    }
  }

  /**
   * A breach raised on fallback data, checked against the real calendar: withdrawn when the real due time
   * had not passed at the breach (and, for a completed task, at its completion). Returns whether withdrawn.
   */
  boolean reexamine(CommandContext context, long id, String reason) {
    DeadlineRecord deadline = mapper.findById(id);
    if (deadline == null || !deadline.fallback() || !deadline.timed()
        || !(deadline.isIn(DeadlineState.BREACHED) || deadline.isIn(DeadlineState.LATE))) {
      return false;
    }
    TimeLimit limit = new TimeLimit(deadline.rule(), deadline.step(), deadline.limitAmount(),
        LimitUnit.valueOf(deadline.limitUnit()), deadline.limitSpecified(), deadline.citation());
    DeadlineTerms terms = DeadlineTerms.compute(limit, deadline.startedAt(), deadline.extensionDays(), calendar);
    Instant now = clock.instant();
    boolean open = deadline.isIn(DeadlineState.BREACHED);
    Instant finished = open ? now : deadline.completedAt();
    if (terms.fallback() || finished == null || !finished.isBefore(terms.dueAt())) {
      return false; // still no real data, or a breach by the real calendar too: it stands
    }
    DeadlineState state = open ? DeadlineState.OPEN : DeadlineState.MET;
    if (mapper.withdrawBreach(id, deadline.state(), state.name(), terms.dueDate(), terms.dueAt(), terms.remindAt(),
        terms.fallback(), null) == 0) {
      return false;
    }
    mapper.insertChange(new DeadlineChange(null, id, now, deadline.dueDate(), deadline.dueAt(), deadline.fallback(),
        terms.dueDate(), terms.dueAt(), terms.fallback(), reason + "；超期撤销"));
    resolveIncident(context, deadline.incidentId());
    if (open) {
      TaskEntity task = context.getTaskManager().findTaskById(deadline.taskId());
      if (task != null) {
        task.setDueDate(Date.from(terms.dueAt()));
        task.setFollowUpDate(Date.from(terms.remindAt()));
      }
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(deadline.executionId());
      if (execution != null) {
        DeadlineJobs.cancel(execution, id);
        DeadlineJobs.schedule(execution, id, terms, now);
      }
    }
    String subject = "超期撤销: " + deadline.taskName() + " — " + deadline.rule() + " — 按正式节假日安排应于 "
        + MINUTES.format(terms.dueAt()) + " 前办结";
    String body = subject + "\n原按周末计算的期限 " + MINUTES.format(deadline.dueAt()) + " 未计入法定节假日，超期报告作废（"
        + deadline.citation() + "）。\n流程实例 " + deadline.processInstanceId()
        + (deadline.businessKey() == null ? "" : " (" + deadline.businessKey() + ")") + "，现状态: "
        + (open ? "办理中" : "按期办结");
    // R27: the general office received the breach report; it is told the report is withdrawn
    notifications.notifyGroup(Groups.GENERAL_OFFICE, CATEGORY_WITHDRAWN, subject, body, DeadlineLedger.REF_TYPE,
        String.valueOf(id));
    events.publishEvent(new DeadlineBreachWithdrawn(id, reason + "；超期撤销"));
    audit.record("system", ACTION_WITHDRAWN, DeadlineLedger.REF_TYPE, String.valueOf(id), AuditTrail.OK,
        deadline.state() + " → " + state + "；" + MINUTES.format(deadline.dueAt()) + " → " + MINUTES.format(terms.dueAt())
            + "；" + reason);
    LOG.info("deadline {} breach withdrawn ({} → {}): due {} on the real calendar", id, deadline.state(), state,
        terms.dueDate());
    return true;
  }

  private static void resolveIncident(CommandContext context, String incidentId) {
    if (incidentId == null) {
      return;
    }
    // CAMUNDA-NOTES: an incident on a task without its own scope outlives the task; resolve it ourselves
    Incident incident = context.getIncidentManager().findIncidentById(incidentId);
    if (incident instanceof IncidentEntity entity) {
      entity.resolve();
    }
  }
}
