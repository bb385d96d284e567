package cn.govshare.deadline;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.NativeExecutionQueryImpl;
import org.camunda.bpm.engine.impl.NativeTaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine rows a breach batch touches, read with one query per kind into the command's entity cache (issue 25):
 * the engine's own look-ups by id ({@code findTaskById}, {@code findExecutionById}) then find them there instead
 * of reading each row alone. Call only inside a command context.
 */
final class EngineRows {

  private EngineRows() {
  }

  /** The tasks and executions of {@code deadlines} (a timed sub-process's waiting task is still found alone). */
  static void load(Collection<DeadlineRecord> deadlines) {
    CommandContext context = Context.getCommandContext();
    Set<String> tasks = new LinkedHashSet<>();
    Set<String> executions = new LinkedHashSet<>();
    for (DeadlineRecord deadline : deadlines) {
      if (!deadline.taskId().startsWith(DeadlineLedger.SCOPE_PREFIX)) {
        tasks.add(deadline.taskId());
      }
      executions.add(deadline.executionId());
    }
    byIds(context, new NativeTaskQueryImpl(context), TaskEntity.class, tasks);
    byIds(context, new NativeExecutionQueryImpl(context), ExecutionEntity.class, executions);
  }

  /** The jobs with these ids, in one query: the breach timers of a batch's other deadlines. */
  @SuppressWarnings("unchecked")
  static List<JobEntity> jobs(Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    JobQueryImpl query = new JobQueryImpl();
    query.jobIds(ids);
    return (List<JobEntity>) (List<?>) Context.getCommandContext().getJobManager().findJobsByQueryCriteria(query,
        null);
  }

  /**
   * Deletes a batch's timers as {@code JobEntity.delete} does — the sequence counter, the handler's clean-up, the row
   * and its deletion event (which writes no job log for a deadline's timer: {@code LeanHistory}) — but, for a timer that has never failed (retries left, no stored exception), without
   * its two reads that can only come back empty then: the failed-job incident (there is none while retries are left)
   * and the execution's job list (loaded only to drop the job from it in memory; no breach command reads it). A timer
   * that has failed is deleted by {@code JobEntity.delete} itself, its incident resolved. Two statements a breach
   * fewer in a burst (docs/performance.md, sixth part).
   */
  static void deleteUnfailedTimers(List<JobEntity> timers) {
    CommandContext context = Context.getCommandContext();
    for (JobEntity timer : timers) {
      if (timer.getRetries() <= 0 || timer.getExceptionByteArrayId() != null) {
        timer.delete();
        continue;
      }
      timer.incrementSequenceCounter();
      JobHandler<JobHandlerConfiguration> handler = context.getProcessEngineConfiguration().getJobHandlers()
          .get(timer.getJobHandlerType());
      if (handler != null) {
        handler.onDelete(timer.getJobHandlerConfiguration(), timer);
      }
      context.getJobManager().deleteJob(timer, true);
    }
  }

  private static void byIds(CommandContext context, AbstractNativeQuery<?, ?> query, Class<?> entity,
      Set<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("SELECT RES.* FROM ")
        .append(context.getTableDataManager().getTableName(entity, true)).append(" RES WHERE RES.ID_ IN (");
    int i = 0;
    for (String id : ids) {
      sql.append(i == 0 ? "" : ", ").append("#{id").append(i).append('}');
      query.parameter("id" + i++, id);
    }
    query.sql(sql.append(')').toString()).list();
  }
}
