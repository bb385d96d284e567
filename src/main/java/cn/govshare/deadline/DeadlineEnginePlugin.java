package cn.govshare.deadline;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Plugs deadlines into the engine: the parse listener for {@code govshare.rule} user tasks and the
 * job handlers of the reminder and breach timers. The ledger is looked up lazily: it needs beans that
 * need the engine.
 */
@Component
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DeadlineLedger> ledger;

  DeadlineEnginePlugin(ObjectProvider<DeadlineLedger> ledger) {
    this.ledger = ledger;
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
    configuration.getCustomJobHandlers().add(new DeadlineJobHandler(DeadlineJobs.BREACH, ledger::getObject));
    configuration.getCustomJobHandlers().add(new DeadlineJobHandler(DeadlineJobs.REMINDER, ledger::getObject));
  }
}
