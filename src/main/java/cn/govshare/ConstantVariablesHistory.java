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
 * Issue 25: at history level {@code full} Camunda writes every variable twice when it is created, in
 * {@code ACT_HI_VARINST} and in {@code ACT_HI_DETAIL}, and updates the first row again when the case ends (its
 * removal time). The {@link ConstantVariables} (17 per share request at its start, four per task, three set by the
 * delegates) are copies of GovShare's own rows, which keep them for the retention period: the request, its grant,
 * its steps, the case file. Nothing reads their history: not GovShare, not the community Cockpit or Tasklist (they
 * read the running variables). So their creation writes no history row at all. Every other variable is written as
 * before, and so is any later change of these, through whatever door: Camunda writes the instance row it does not
 * find, and the detail row, on the update ({@code DbHistoryEventHandler}); a deletion finds no row and writes none.
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
    handlers.add(new WithoutConstantHistory());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    // this handler is the database one: the engine's default would write every variable's history again
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

  private final class WithoutConstantHistory extends DbHistoryEventHandler {

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
          && constant(event.getProcessDefinitionKey(), event.getVariableName())) {
        return;
      }
      super.insertHistoricVariableUpdateEntity(event);
    }
  }
}
