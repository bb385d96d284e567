package cn.govshare.deadline;

import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.LimitUnit;
import cn.govshare.policy.TimeLimit;

import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.catalog.GeneratedKey;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The deadline ledger (SPEC §7): opens a row when a timed task is created, reminds, breaches and closes
 * it. Every method runs inside an engine command (task listener, job, or an explicit command), so the
 * ledger row, the task's due date, the timers and the incident commit or roll back together.
 */
@Service
class DeadlineLedger {

  static final String INCIDENT_TYPE = "deadlineBreach";
  static final String REF_TYPE = "deadline";
  static final String CATEGORY_REMINDER = "DEADLINE_REMINDER";
  /** task_id of a timed sub-process's row: the sub-process execution, prefixed (one row per scope instance). */
  static final String SCOPE_PREFIX = "scope:";
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineLedger.class);
  private static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百零]+条(第[一二三四五六七八九十]+款)?"
      + "(第[（(]?[一二三四五六七八九十]+[）)]?项)?");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(Zones.SHANGHAI);

  private final DeadlineMapper mapper;
  private final WorkingCalendar calendar;
  private final ActivePolicy policy;
  private final Notifications notifications;
  private final DepartmentService departments;
  private final Clock clock;
  private final List<DeadlinePeriods> periods;
  private final ApplicationEventPublisher events;

  DeadlineLedger(DeadlineMapper mapper, WorkingCalendar calendar, ActivePolicy policy,
      Notifications notifications, DepartmentService departments, Clock clock, List<DeadlinePeriods> periods,
      ApplicationEventPublisher events) {
    this.periods = periods;
    this.events = events;
    this.mapper = mapper;
    this.calendar = calendar;
    this.policy = policy;
    this.notifications = notifications;
    this.departments = departments;
    this.clock = clock;
  }

  /** Task created: compute the due date from the rule, write the row, set due and follow-up, start the timers. */
  void open(DelegateTask task, String rule) {
    if (!policy.has(rule)) {
      // CONTRACT: a profile without the rule must not reach the task (gateway on policy.has); say so, never guess
      LOG.warn("task {} ({}) declares rule {} which profile {} does not have: no deadline", task.getId(),
          task.getTaskDefinitionKey(), rule, policy.profile().name());
      return;
    }
    String key = task.getTaskDefinitionKey();
    DeadlinePeriods.Period period = period(task.getProcessInstanceId(), key, task, task.getCreateTime());
    List<String> groups = Groups.candidateGroups(task);
    DeadlineTerms terms = insert(rule, (ExecutionEntity) task.getExecution(), task.getId(), key, task.getName(),
        department(groups), groups, period, receivedAt(null, task.getCreateTime()));
    if (terms != null) {
      task.setDueDate(Date.from(terms.dueAt()));
      task.setFollowUpDate(Date.from(terms.remindAt()));
    }
  }

  /**
   * A timed sub-process started (national 20, 21: the answer period runs through the head's sign-off and the
   * extension decision): one row for the whole sub-process, its timers and incident on the sub-process.
   */
  void openScope(DelegateExecution delegate, String rule) {
    if (!policy.has(rule)) {
      LOG.warn("sub-process {} declares rule {} which profile {} does not have: no deadline",
          delegate.getCurrentActivityId(), rule, policy.profile().name());
      return;
    }
    ExecutionEntity execution = (ExecutionEntity) delegate;
    String key = execution.getCurrentActivityId();
    DeadlinePeriods.Period period = period(execution.getProcessInstanceId(), key, execution, null);
    String holder = period.holder();
    insert(rule, execution, scopeTaskId(execution.getId()), key, execution.getCurrentActivityName(), holder,
        holder == null ? List.of() : List.of(holder), period, clock.instant());
  }

  /** The due instant of a timed sub-process's open period, shown on the tasks inside it. */
  Instant openScopeDue(String processInstanceId, String activityId) {
    DeadlineRecord deadline = openScopeRow(processInstanceId, activityId);
    return deadline == null ? null : deadline.dueAt();
  }

  /**
   * The case moved its period (an approved extension, national 21): the open sub-process row takes the new
   * extension from {@link DeadlinePeriods} and moves its due date and timers, recording old, new and why.
   */
  boolean refreshScope(String processInstanceId, String activityId, String reason) {
    DeadlineRecord deadline = openScopeRow(processInstanceId, activityId);
    if (deadline == null) {
      return false;
    }
    int extension = periods.stream().map(p -> p.period(processInstanceId, activityId)).flatMap(Optional::stream)
        .findFirst().map(DeadlinePeriods.Period::extensionDays).orElse(deadline.extensionDays());
    mapper.updateExtension(deadline.id(), extension);
    return recompute(Context.getCommandContext(), deadline.id(), reason);
  }

  private DeadlineRecord openScopeRow(String processInstanceId, String activityId) {
    return mapper.findByProcessInstance(processInstanceId).stream()
        .filter(d -> d.taskId().startsWith(SCOPE_PREFIX) && activityId.equals(d.taskDefinitionKey())
            && (d.isIn(DeadlineState.OPEN) || d.isIn(DeadlineState.BREACHED)))
        .reduce((first, last) -> last).orElse(null);
  }

  /** The timed sub-process ended: its period closes like a task's (MET or LATE); cancelled with the process. */
  void closeScope(DelegateExecution delegate) {
    ExecutionEntity execution = (ExecutionEntity) delegate;
    DeadlineRecord deadline = mapper.findByTask(scopeTaskId(execution.getId()));
    if (deadline == null) {
      return;
    }
    if (execution.isCanceled()) {
      cancel(deadline, execution);
    } else {
      finish(deadline, execution, Context.getCommandContext().getAuthenticatedUserId());
    }
  }

  private static String scopeTaskId(String executionId) {
    return SCOPE_PREFIX + executionId;
  }

  private DeadlineTerms insert(String rule, ExecutionEntity execution, String taskId, String key, String name,
      String department, List<String> groups, DeadlinePeriods.Period period, Instant startedNow) {
    TimeLimit limit = policy.limit(rule);
    Instant start = period.startedAt() != null ? period.startedAt() : startedNow;
    int extension = period.extensionDays();
    DeadlineTerms terms = DeadlineTerms.compute(limit, start, extension, calendar);
    if (terms.fallback()) {
      LOG.warn("deadline of {} ({}) computed on weekends-only fallback calendar data: due {}", taskId, key,
          terms.dueDate());
    }
    GeneratedKey row = new GeneratedKey();
    mapper.insert(new DeadlineRecord(null, execution.getProcessInstanceId(), execution.getProcessDefinition().getKey(),
        execution.getProcessBusinessKey(), execution.getId(), taskId, key, name, department,
        groups.isEmpty() ? null : String.join(",", groups), rule, policy.profile().name(), limit.step(), limit.citation(),
        limit.amount(), limit.unit().name(), limit.specified(), extension, start, terms.dueDate(), terms.dueAt(),
        terms.remindAt(), terms.fallback(), DeadlineState.OPEN.name(), null, null, null, null, null, null, null), row);
    if (terms.dueAt() == null) {
      return null;
    }
    DeadlineJobs.schedule(execution, row.getId(), terms, clock.instant());
    return terms;
  }

  /** Task completed: MET, or LATE with the working days overdue; a breach incident is resolved, nothing else changes. */
  void complete(DelegateTask task) {
    DeadlineRecord deadline = mapper.findByTask(task.getId());
    if (deadline == null) {
      return;
    }
    String by = task.getAssignee() != null ? task.getAssignee() : Context.getCommandContext().getAuthenticatedUserId();
    finish(deadline, (ExecutionEntity) task.getExecution(), by);
  }

  private void finish(DeadlineRecord deadline, ExecutionEntity execution, String by) {
    Instant now = clock.instant();
    LocalDate today = date(now);
    int handling = calendar.workingDaysBetween(date(deadline.startedAt()), today);
    DeadlineJobs.cancel(execution, deadline.id());
    if (deadline.isIn(DeadlineState.OPEN)) {
      boolean late = deadline.timed() && !now.isBefore(deadline.dueAt());
      if (!late && close(deadline, DeadlineState.MET, now, by, null, null, handling)) {
        return;
      }
      if (late && close(deadline, DeadlineState.LATE, now, by, deadline.dueAt(), overdue(deadline, today), handling)) {
        // finished late before the breach timer ran: still a breach to report (R27)
        reportBreach(deadline, message(deadline), now);
        return;
      }
      deadline = mapper.findById(deadline.id());
    }
    if (deadline.isIn(DeadlineState.BREACHED)) {
      close(deadline, DeadlineState.LATE, now, by, null, overdue(deadline, today), handling);
      resolveIncident(deadline.incidentId());
    }
  }

  /** Task deleted without completion (process cancelled, boundary event, modification): CANCELLED. */
  void cancel(DelegateTask task) {
    DeadlineRecord deadline = mapper.findByTask(task.getId());
    if (deadline != null) {
      cancel(deadline, (ExecutionEntity) task.getExecution());
    }
  }

  private void cancel(DeadlineRecord deadline, ExecutionEntity execution) {
    if (!(deadline.isIn(DeadlineState.OPEN) || deadline.isIn(DeadlineState.BREACHED))) {
      return;
    }
    DeadlineJobs.cancel(execution, deadline.id());
    close(deadline, DeadlineState.CANCELLED, clock.instant(), null, null, null, null);
    if (deadline.isIn(DeadlineState.BREACHED) && !execution.isEnded() && !execution.isCanceled()) {
      resolveIncident(deadline.incidentId());
    }
  }

  /**
   * Breach timer: exactly once, guarded by the OPEN → BREACHED update even if two nodes ran it. Returns whether
   * this call raised the breach.
   */
  boolean breach(long id) {
    DeadlineRecord deadline = mapper.findById(id);
    if (deadline == null || !deadline.isIn(DeadlineState.OPEN)) {
      return false;
    }
    if (deadline.dueAt() != null && clock.instant().isBefore(deadline.dueAt())) {
      // R27: never a breach before its due instant; a timer run early is armed again for the due instant
      DeadlineJobs.armBreach(Context.getCommandContext().getExecutionManager().findExecutionById(
          deadline.executionId()), id, deadline.dueAt());
      LOG.warn("breach timer of deadline {} ran before its due instant {}: armed again", id, deadline.dueAt());
      return false;
    }
    if (mapper.markBreached(id, clock.instant()) == 0) {
      return false;
    }
    String message = message(deadline, holderTask(deadline));
    mapper.setIncident(id, incident(deadline, message));
    reportBreach(deadline, message, clock.instant());
    LOG.info("deadline {} breached: {}", id, message);
    return true;
  }

  /**
   * The breach timers of a batch (issue 25): the rows read and locked in one query, the tasks and executions in one
   * each, every due OPEN one marked BREACHED with its incident in one update, one {@link DeadlinesBreached} for the
   * batch. A row already closed or breached is left alone; one run early is armed again as by {@link #breach}.
   * Returns the ids this call breached.
   */
  Set<Long> breachAll(List<Long> ids) {
    Map<Long, DeadlineRecord> rows = mapper.lockByIds(ids).stream()
        .collect(Collectors.toMap(DeadlineRecord::id, Function.identity()));
    Instant now = clock.instant();
    List<DeadlineRecord> due = new ArrayList<>();
    for (long id : ids) {
      DeadlineRecord deadline = rows.get(id);
      if (deadline == null || !deadline.isIn(DeadlineState.OPEN)) {
        continue;
      }
      if (deadline.dueAt() != null && now.isBefore(deadline.dueAt())) {
        breach(id);
      } else {
        due.add(deadline);
      }
    }
    if (due.isEmpty()) {
      return Set.of();
    }
    EngineRows.load(due);
    Map<Long, String> incidents = new LinkedHashMap<>();
    List<DeadlineBreached> breaches = new ArrayList<>();
    for (DeadlineRecord deadline : due) {
      String message = message(deadline, holderTask(deadline));
      incidents.put(deadline.id(), incident(deadline, message));
      breaches.add(breached(deadline, message, now));
    }
    if (mapper.markAllBreached(incidents, now) != incidents.size()) {
      // the rows are locked and were OPEN: a count short of the batch means a row vanished; the batch rolls back
      throw new IllegalStateException("breach batch " + incidents.keySet() + ": not every deadline was still OPEN");
    }
    // R27: the breach reports and the violation register (R29) listen, inside this command
    events.publishEvent(new DeadlinesBreached(breaches));
    breaches.forEach(b -> LOG.info("deadline {} breached: {}", b.deadlineId(), b.message()));
    return incidents.keySet();
  }

  /** The breach's incident on the deadline's execution, shown in Cockpit (R27). */
  private static String incident(DeadlineRecord deadline, String message) {
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
        .findExecutionById(deadline.executionId());
    return execution.createIncident(INCIDENT_TYPE, String.valueOf(deadline.id()), message).getId();
  }

  /** Reminder timer: one working day before due, to whoever holds the task now (SPEC §7). */
  void remind(long id) {
    DeadlineRecord deadline = mapper.findById(id);
    if (deadline == null || !deadline.isIn(DeadlineState.OPEN)) {
      return;
    }
    TaskEntity task = holderTask(deadline);
    String subject = "办理提醒: " + deadline.taskName() + " 应于 " + MINUTES.format(deadline.dueAt()) + " 前办结";
    String body = subject + " (" + deadline.rule() + " " + deadline.citation() + ")";
    String refId = String.valueOf(id);
    if (task != null && task.getAssignee() != null) {
      notifications.notifyUser(task.getAssignee(), CATEGORY_REMINDER, subject, body, REF_TYPE, refId,
          deadline.dueAt());
    } else if (task != null && !Groups.candidateGroups(task).isEmpty()) {
      for (String group : Groups.candidateGroups(task)) {
        notifications.notifyGroup(group, CATEGORY_REMINDER, subject, body, REF_TYPE, refId, deadline.dueAt());
      }
    } else if (deadline.candidateGroups() != null) {
      for (String group : deadline.candidateGroups().split(",")) {
        notifications.notifyGroup(group, CATEGORY_REMINDER, subject, body, REF_TYPE, refId, deadline.dueAt());
      }
    }
    mapper.markReminded(id, clock.instant());
  }

  /**
   * Recomputes an OPEN deadline with the current calendar (new year loaded, days corrected): moves the
   * task's due and follow-up dates and the timers, and records old, new and why. Returns whether it moved.
   */
  boolean recompute(CommandContext context, long id, String reason) {
    DeadlineRecord deadline = mapper.findById(id);
    if (deadline == null || !deadline.isIn(DeadlineState.OPEN) || !deadline.timed()) {
      return false;
    }
    TimeLimit limit = new TimeLimit(deadline.rule(), deadline.step(), deadline.limitAmount(),
        LimitUnit.valueOf(deadline.limitUnit()), deadline.limitSpecified(), deadline.citation());
    DeadlineTerms terms = DeadlineTerms.compute(limit, deadline.startedAt(), deadline.extensionDays(), calendar);
    if (terms.sameDueAs(deadline)) {
      return false;
    }
    if (mapper.reschedule(id, terms.dueDate(), terms.dueAt(), terms.remindAt(), terms.fallback()) == 0) {
      return false;
    }
    Instant now = clock.instant();
    mapper.insertChange(new DeadlineChange(null, id, now, deadline.dueDate(), deadline.dueAt(), deadline.fallback(),
        terms.dueDate(), terms.dueAt(), terms.fallback(), reason));
    TaskEntity task = context.getTaskManager().findTaskById(deadline.taskId());
    if (task != null) {
      task.setDueDate(Date.from(terms.dueAt()));
      task.setFollowUpDate(Date.from(terms.remindAt()));
    }
    ExecutionEntity execution = context.getExecutionManager().findExecutionById(deadline.executionId());
    DeadlineJobs.cancel(execution, id);
    DeadlineJobs.schedule(execution, id, terms, now);
    LOG.info("deadline {} moved from {} to {}: {}", id, deadline.dueDate(), terms.dueDate(), reason);
    return true;
  }

  /**
   * {@code 超期: <task> — <rule> <article> — 应于 <due> 前办结}: short enough for Cockpit's incident list to show whole
   * (issue 20); the full citation and the case are in the ledger row, the breach report and the supervision page.
   */
  static String message(DeadlineRecord deadline) {
    return message(deadline, null);
  }

  /** A period's breach also names the step it waits at (the reviewer's answer, the head's sign-off …). */
  private static String message(DeadlineRecord deadline, TaskEntity waiting) {
    String step = waiting == null || waiting.getId().equals(deadline.taskId()) ? deadline.taskName()
        : deadline.taskName() + "（待办：" + waiting.getName() + "）";
    return "超期: " + step + " — " + deadline.rule() + " " + article(deadline.citation()) + " — 应于 "
        + MINUTES.format(deadline.dueAt()) + " 前办结";
  }

  /** The article of a citation ({@code 《…》（…）第二十条} → {@code 第二十条}); the first one where two are cited. */
  static String article(String citation) {
    Matcher article = ARTICLE.matcher(citation == null ? "" : citation);
    return article.find() ? article.group() : "";
  }

  /** The task that holds the deadline now: its own task, or for a timed sub-process the task waiting in it. */
  private static TaskEntity holderTask(DeadlineRecord deadline) {
    return deadline.taskId().startsWith(SCOPE_PREFIX)
        ? Context.getCommandContext().getTaskManager().findTasksByProcessInstanceId(deadline.processInstanceId())
            .stream().findFirst().orElse(null)
        : Context.getCommandContext().getTaskManager().findTaskById(deadline.taskId());
  }

  private void reportBreach(DeadlineRecord deadline, String message, Instant breachedAt) {
    // R27: the breach report and the violation register (R29) listen, inside this command
    events.publishEvent(breached(deadline, message, breachedAt));
  }

  private static DeadlineBreached breached(DeadlineRecord deadline, String message, Instant breachedAt) {
    return new DeadlineBreached(deadline.id(), deadline.processInstanceId(), deadline.processDefinitionKey(),
        deadline.businessKey(), deadline.department(), deadline.taskName(), deadline.rule(), deadline.citation(),
        deadline.dueAt(), breachedAt, message);
  }

  private boolean close(DeadlineRecord deadline, DeadlineState state, Instant at, String by, Instant breachedAt,
      Integer overdue, Integer handling) {
    return mapper.close(deadline.id(), deadline.state(), state.name(), at, by, breachedAt, overdue, handling) == 1;
  }

  private void resolveIncident(String incidentId) {
    if (incidentId == null) {
      return;
    }
    // CAMUNDA-NOTES: an incident on a task without its own scope outlives the task; resolve it ourselves
    Incident incident = Context.getCommandContext().getIncidentManager().findIncidentById(incidentId);
    if (incident instanceof IncidentEntity entity) {
      entity.resolve();
    }
  }

  private int overdue(DeadlineRecord deadline, LocalDate completed) {
    return Math.max(1, calendar.workingDaysBetween(deadline.dueDate(), completed));
  }

  private String department(List<String> groups) {
    for (String group : groups) {
      if (departments.find(group).isPresent()) {
        return group;
      }
      String code = Groups.departmentOf(group);
      if (!code.equals(group) && departments.find(code).isPresent()) {
        return code;
      }
    }
    return groups.isEmpty() ? null : groups.get(0);
  }

  /**
   * The case's own record first (issue 18); the {@code <taskKey>ReceivedAt} / {@code ExtensionDays} variables
   * only for a process no feature claims (BPMN an administrator deployed without a case behind it).
   */
  private DeadlinePeriods.Period period(String processInstanceId, String key, VariableScope variables,
      Date createTime) {
    for (DeadlinePeriods source : periods) {
      var period = source.period(processInstanceId, key);
      if (period.isPresent()) {
        return period.get();
      }
    }
    Instant start = receivedAt(variables.getVariable(key + "ReceivedAt"), createTime);
    return new DeadlinePeriods.Period(start, extensionDays(variables.getVariable(key + "ExtensionDays")), null);
  }

  private Instant receivedAt(Object value, Date createTime) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      return OffsetDateTime.parse(text).toInstant();
    }
    if (value != null) {
      throw new ProcessEngineException("ReceivedAt 变量须为日期 (java.util.Date 或 ISO 时间): " + value);
    }
    return createTime != null ? createTime.toInstant() : clock.instant();
  }

  private static int extensionDays(Object value) {
    if (value == null) {
      return 0;
    }
    int days = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
    if (days < 0) {
      throw new ProcessEngineException("ExtensionDays 不能为负数: " + days);
    }
    return days;
  }

  private static LocalDate date(Instant instant) {
    return instant.atZone(Zones.SHANGHAI).toLocalDate();
  }
}
