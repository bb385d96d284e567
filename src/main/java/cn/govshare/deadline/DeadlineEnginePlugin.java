package cn.govshare.deadline;

import cn.govshare.RecordedJobs;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plugs deadlines into the engine: the parse listener for {@code govshare.rule} user tasks and the
 * job handlers of the reminder and breach timers. The ledger and the breach batches are looked up lazily: it needs beans that
 * need the engine. The timers are {@link RecordedJobs}: the deadline's row records when they were set and how the
 * deadline ended, so their job log keeps only their runs.
 */
@Component
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin implements RecordedJobs {

  private final ObjectProvider<DeadlineLedger> ledger;
  private final ObjectProvider<BreachBatches> breaches;

  DeadlineEnginePlugin(ObjectProvider<DeadlineLedger> ledger, ObjectProvider<BreachBatches> breaches) {
    this.ledger = ledger;
    this.breaches = breaches;
  }

  @Override
  public boolean recorded(String jobHandlerType) {
    return DeadlineJobs.BREACH.equals(jobHandlerType) || DeadlineJobs.REMINDER.equals(jobHandlerType);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DeadlineParseListener(ledger::getObject));
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new DeadlineJobHandler(DeadlineJobs.BREACH,
        id -> breaches.getObject().breach(id)));
    configuration.getCustomJobHandlers().add(new DeadlineJobHandler(DeadlineJobs.REMINDER,
        id -> ledger.getObject().remind(id)));
  }
}
