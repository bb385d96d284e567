package cn.govshare.deadline;

import cn.govshare.trust.CaseAudit;
import cn.govshare.trust.CommandFields;
import cn.govshare.trust.EngineActor;
import cn.govshare.trust.EngineDoor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Issue 18, class 1: only {@code camunda-admin} reads or changes a deadline timer (execute, due date, suspension,
 * retries, priority, deletion …), through whichever command; each administrator's change is an audit record of
 * the real actor against the case. The job a command targets is read from its fields; when it cannot be known,
 * a non-administrator is refused (fail closed).
 */
@Component
class DeadlineJobsDoor implements EngineDoor {

  static final String ACTION = "DEADLINE_JOB_CHANGED";
  private static final List<String> SCOPE_FIELDS = List.of("processInstanceId", "processDefinitionId",
      "processDefinitionKey");

  private final DeadlineJobsMapper jobs;
  private final CaseAudit audit;
  private final Clock clock;

  DeadlineJobsDoor(DeadlineJobsMapper jobs, CaseAudit audit, Clock clock) {
    this.jobs = jobs;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void check(Command<?> command, CommandContext context, EngineActor actor) {
    if (command instanceof AbstractQuery) {
      return;  // lists: Camunda's authorizations apply, the timers carry their process definition
    }
    if (command instanceof FailedJobListener) {
      // a refused execute counts as a job failure: its listener would burn the timer's retries, then raise an
      // incident; the refusal is recorded already
      if (!actor.isAdmin() && field(command, "jobFailureCollector") instanceof JobFailureCollector failure
          && failure.getJobId() != null && isGuarded(context.getJobManager().findJobById(failure.getJobId()))) {
        throw new AuthorizationException("期限定时器和系统作业只有系统管理员可以执行（" + actor.userId() + "）");
      }
      return;
    }
    String name = command.getClass().getSimpleName();
    List<JobEntity> targets = new ArrayList<>();
    Object jobId = field(command, "jobId");
    Object jobIds = field(command, "jobIds");
    if (jobIds == null) {
      jobIds = command instanceof AbstractSetJobsRetriesBatchCmd ? field(command, "ids") : null;
    }
    if (jobId instanceof String id) {
      addIfGuarded(context.getJobManager().findJobById(id), targets);
    }
    if (jobIds instanceof Collection<?> ids) {
      for (Object id : ids) {
        addIfGuarded(context.getJobManager().findJobById(String.valueOf(id)), targets);
      }
    }
    boolean bulk = command instanceof AbstractSetJobsRetriesBatchCmd
        || command instanceof AbstractSetStateCmd && jobId == null;
    // retries by query or process, suspension by instance or definition: deadline timers in reach, or a reach
    // that cannot be known, are the administrator's alone
    if (bulk && (command instanceof AbstractSetJobsRetriesBatchCmd || deadlineJobsInScope(command) != 0)) {
      Object instance = field(command, "processInstanceId");
      String detail = name + " 可能涉及期限定时器（" + scopeText(command) + "）";
      if (!actor.isAdmin()) {
        refuse(actor, name, instance, detail);
      }
      audit.accepted(actor.userId(), ACTION, instance instanceof String s ? s : null, detail);
    }
    for (JobEntity job : targets) {
      Object due = job.getDuedate() == null ? "-" : job.getDuedate().toInstant();
      String detail = name + " 作用于" + (job.getProcessDefinitionKey() == null ? "系统作业 " : "期限定时器 ") + job.getId() + "（" + job.getJobHandlerType() + "，期限 "
          + job.getJobHandlerConfigurationRaw() + "，到期 " + due + "）";
      if (!actor.isAdmin()) {
        refuse(actor, name, job.getProcessInstanceId(), detail);
      }
      if (name.startsWith("Get")) {
        continue;  // an administrator reading a stack trace changes nothing
      }
      if (command instanceof ExecuteJobsCmd && DeadlineJobs.BREACH.equals(job.getJobHandlerType())
          && job.getDuedate() != null && job.getDuedate().toInstant().isAfter(clock.instant())) {
        detail += "；提前执行不记超期，超期定时器于到期时刻重新设定（R27）";
      }
      audit.accepted(actor.userId(), ACTION, job.getProcessInstanceId(), detail);
    }
  }

  private long deadlineJobsInScope(Command<?> command) {
    List<String> scope = new ArrayList<>();
    for (String name : SCOPE_FIELDS) {
      scope.add(field(command, name) instanceof String value ? value : null);
    }
    if (scope.stream().allMatch(s -> s == null)) {
      // by job definition only: deadline timers have none; anything else cannot be told apart
      return field(command, "jobDefinitionId") instanceof String ? 0 : 1;
    }
    return jobs.countInScope(DeadlineJobs.PREFIX + "%", scope.get(0), scope.get(1), scope.get(2));
  }

  private static String scopeText(Command<?> command) {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("processInstanceId", "processDefinitionId", "processDefinitionKey", "jobDefinitionId")) {
      Object value = field(command, name);
      if (value != null) {
        text.append(text.isEmpty() ? "" : "，").append(name).append('=').append(value);
      }
    }
    return text.isEmpty() ? "范围由查询决定" : text.toString();
  }

  private void refuse(EngineActor actor, String command, Object processInstanceId, String detail) {
    String instance = processInstanceId instanceof String s ? s : null;
    audit.refused(actor.userId(), ACTION, instance, "拒绝 " + detail);
    throw new AuthorizationException("期限定时器和系统作业只有系统管理员可以查看或变更（" + command + "，" + actor.userId() + "）");
  }

  private static void addIfGuarded(JobEntity job, List<JobEntity> targets) {
    if (isGuarded(job)) {
      targets.add(job);
    }
  }

  /**
   * A deadline timer, or any job without a process definition (history cleanup, batches): Camunda checks no
   * authorization on those, so only an administrator may act on them.
   */
  private static boolean isGuarded(JobEntity job) {
    return job != null && (job.getProcessDefinitionKey() == null
        || job.getJobHandlerType() != null && job.getJobHandlerType().startsWith(DeadlineJobs.PREFIX));
  }

  private static Object field(Object command, String name) {
    return CommandFields.read(command, name);
  }
}
