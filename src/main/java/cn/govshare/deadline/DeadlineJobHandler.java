package cn.govshare.deadline;

import java.util.function.LongConsumer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** Runs a deadline's reminder or breach timer: the job executor calls it when the timer is due. */
final class DeadlineJobHandler implements JobHandler<DeadlineJobHandler.DeadlineId> {

  private final String type;
  private final LongConsumer run;

  DeadlineJobHandler(String type, LongConsumer run) {
    this.type = type;
    this.run = run;
  }

  @Override
  public String getType() {
    return type;
  }

  @Override
  public void execute(DeadlineId configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    run.accept(configuration.id());
  }

  @Override
  public DeadlineId newConfiguration(String canonicalString) {
    return new DeadlineId(Long.parseLong(canonicalString));
  }

  @Override
  public void onDelete(DeadlineId configuration, JobEntity jobEntity) {
    // nothing to clean up: the ledger row outlives its jobs
  }

  record DeadlineId(long id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return String.valueOf(id);
    }
  }
}
