package cn.govshare;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 25: the engine's database history at level {@code full}, as Camunda writes it, without two kinds of rows
 * that only repeat GovShare's own records, which keep them for the retention period:
 * <ul>
 *   <li>the creation of a {@link ConstantVariables constant variable} (17 display copies per share request at its
 *   start, four per task, three set by the delegates): Camunda would write it in {@code ACT_HI_VARINST} and
 *   {@code ACT_HI_DETAIL} and update the first row again when the case ends (its removal time). Nothing reads it:
 *   not GovShare, not the community Cockpit or Tasklist (they read the running variables). A later change of one,
 *   through whatever door, is written to both tables like any variable's: Camunda's handler inserts the instance row
 *   it does not find on an update ({@code DbHistoryEventHandler}); a removal finds no row and writes none (the user
 *   operation log names who removed it);</li>
 *   <li>the creation and deletion of a {@link RecordedJobs recorded job} (a deadline's reminder and breach timers,
 *   four per share request): the deadline's row records when it was set, its due instant and how it ended. Their
 *   job log keeps what they did when they ran: success, with the node, and failure, with the exception.</li>
 * </ul>
 * Every other history event is written as Camunda writes it.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

  private final KnownBeans<ConstantVariables> constants;
  private final KnownBeans<RecordedJobs> jobs;

  LeanHistory(ObjectProvider<ConstantVariables> constants, ObjectProvider<RecordedJobs> jobs) {
    this.constants = new KnownBeans<>(constants);
    this.jobs = new KnownBeans<>(jobs);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Writer());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    // this handler is the database one: the engine's default would write every event again
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  boolean constant(String processDefinitionKey, String variableName) {
    return constants.all().stream().anyMatch(c -> c.constant(processDefinitionKey, variableName));
  }

  boolean recorded(String jobHandlerType) {
    return jobHandlerType != null && jobs.all().stream().anyMatch(j -> j.recorded(jobHandlerType));
  }

  private final class Writer extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricJobLogEvent log
          && (log.isCreationLog() || log.isDeletionLog())
          // a job without a job definition carries its handler type here (DefaultHistoryEventProducer)
          && log.getJobDefinitionId() == null && recorded(log.getJobDefinitionType())) {
        return;
      }
      super.handleEvent(event);
    }

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
