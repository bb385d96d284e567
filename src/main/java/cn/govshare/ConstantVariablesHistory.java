package cn.govshare;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 25: at history level {@code full} Camunda writes every variable's value twice when it is created, in
 * {@code ACT_HI_VARINST} and in {@code ACT_HI_DETAIL}. For the {@link ConstantVariables} (18 per share request at
 * its start, four per task) the detail row repeats the instance row and nothing reads it: not GovShare, not the
 * community Cockpit or Tasklist (neither calls {@code /history/detail}). Their creation writes the instance row
 * only; every other variable, and every later change of these, is written as before.
 */
@Component
class ConstantVariablesHistory extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ConstantVariables> features;
  private volatile List<ConstantVariables> known;

  ConstantVariablesHistory(ObjectProvider<ConstantVariables> features) {
    this.features = features;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutConstantDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    // this handler is the database one: the engine's default would write every detail again
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  boolean constant(String processDefinitionKey, String variableName) {
    List<ConstantVariables> all = known;
    if (all == null) {
      // asked first inside an engine command, after every bean exists
      all = features.orderedStream().toList();
      known = all;
    }
    return all.stream().anyMatch(c -> c.constant(processDefinitionKey, variableName));
  }

  private final class WithoutConstantDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event)
          && !(event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
              && constant(event.getProcessDefinitionKey(), event.getVariableName()));
    }
  }
}
