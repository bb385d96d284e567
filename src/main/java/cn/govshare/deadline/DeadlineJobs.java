package cn.govshare.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * The engine jobs of a deadline: a reminder timer and a breach timer on the task's execution. Being
 * engine jobs, they fire once across all nodes (job locking) and survive restarts; they live and die
 * with the deadline. Call only inside a command context.
 */
final class DeadlineJobs {

  /** Handler types of every deadline job start with this: the engine doors guard them (issue 18). */
  static final String PREFIX = "govshare-deadline-";
  static final String BREACH = PREFIX + "breach";
  static final String REMINDER = PREFIX + "reminder";

  private DeadlineJobs() {
  }

  static void schedule(ExecutionEntity execution, long deadlineId, DeadlineTerms terms, Instant now) {
    if (terms.dueAt() == null) {
      return;
    }
    timer(execution, BREACH, deadlineId, terms.dueAt());
    if (terms.remindAt() != null && now.isBefore(terms.dueAt())) {
      timer(execution, REMINDER, deadlineId, terms.remindAt().isAfter(now) ? terms.remindAt() : now);
    }
  }

  static void cancel(ExecutionEntity execution, long deadlineId) {
    String configuration = String.valueOf(deadlineId);
    List<JobEntity> jobs;
    if (execution != null) {
      // the timers hang on the task's execution: its few jobs, read once per command and cached on it
      jobs = new ArrayList<>(execution.getJobs());
    } else {
      CommandContext context = Context.getCommandContext();
      jobs = new ArrayList<>(context.getJobManager().findJobsByConfiguration(BREACH, configuration, null));
      jobs.addAll(context.getJobManager().findJobsByConfiguration(REMINDER, configuration, null));
    }
    for (JobEntity job : jobs) {
      if ((BREACH.equals(job.getJobHandlerType()) || REMINDER.equals(job.getJobHandlerType()))
          && configuration.equals(job.getJobHandlerConfigurationRaw())) {
        job.delete();
      }
    }
  }

  /** A breach timer again, at the due instant: after an early run or when it was deleted or disabled (R27). */
  static void armBreach(ExecutionEntity execution, long deadlineId, Instant dueAt) {
    timer(execution, BREACH, deadlineId, dueAt);
  }

  private static void timer(ExecutionEntity execution, String type, long deadlineId, Instant at) {
    TimerEntity timer = new TimerEntity();
    timer.setJobHandlerType(type);
    timer.setJobHandlerConfigurationRaw(String.valueOf(deadlineId));
    timer.setDuedate(Date.from(at));
    timer.setExecution(execution);
    // a job without its process definition escapes Camunda's authorizations: anyone could list or change it
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    timer.setProcessDefinitionId(definition.getId());
    timer.setProcessDefinitionKey(definition.getKey());
    timer.setDeploymentId(definition.getDeploymentId());
    timer.setTenantId(execution.getTenantId());
    Context.getCommandContext().getJobManager().schedule(timer);
  }
}
