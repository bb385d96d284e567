package cn.govshare.trust;

import cn.govshare.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Issue 20: a task that comes back (sent back by a head, another round of materials or negotiation) opens with an
 * empty form, never with the previous decision. Tasklist fills a form from the variables named by its fields, and a
 * completed form leaves them on the process instance: when a user task starts again in the same process instance,
 * the values of its form's editable fields are removed (the history keeps them; GovShare's rows record every
 * decision). Built into every user task of every deployment, like the engine doors.
 */
@Component
class FreshFormsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, FreshFormsPlugin::clearPreviousRound);
  }


  static void clearPreviousRound(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (startsInThisCommand(context, task)) {
      return;  // issue 25: an instance that starts now has no earlier round (no history query for its first task)
    }
    // the platform's own question, not the user's: answered whatever history the acting user may read
    boolean again = context.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(task.getTaskDefinitionKey()).finished().count() > 0);
    if (!again) {
      return;
    }
    for (String field : TaskFormFields.editableKeys(task.getId())) {
      if (task.getExecution().hasVariable(field)) {
        task.getExecution().removeVariable(field);
      }
    }
  }

  private static boolean startsInThisCommand(CommandContext context, DelegateTask task) {
    return task.getExecution() instanceof ExecutionEntity execution
        && execution.getProcessInstance() != null
        && context.getDbEntityManager().getDbEntityCache().isTransient(execution.getProcessInstance());
  }
}
