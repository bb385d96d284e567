package cn.govshare.trust;

import java.util.ArrayList;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Builds a case type's rules into every deployed version of its process, whoever deploys it (issue 18): the start
 * binds the instance to its case, the end closes a case left unresolved, and the named user tasks get the case's
 * task listener on create and complete. Built-in listeners cannot be skipped or left out of a model.
 */
public final class CaseProcessListeners extends AbstractBpmnParseListener {

  private final String processKey;
  private final ExecutionListener start;
  private final ExecutionListener end;
  private final Set<String> userTasks;
  private final TaskListener taskListener;

  public CaseProcessListeners(String processKey, ExecutionListener start, ExecutionListener end,
      Set<String> userTasks, TaskListener taskListener) {
    this.processKey = processKey;
    this.start = start;
    this.end = end;
    this.userTasks = Set.copyOf(userTasks);
    this.taskListener = taskListener;
  }

  /**
   * The task listener of a case type whose checks run when a task is created and when it is completed; the checks
   * are looked up at each event (an {@code ObjectProvider}'s getter), since engine plugins are built before them.
   */
  public static TaskListener onCreateAndComplete(Supplier<? extends TaskChecks> checks) {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        checks.get().creating(task);
      } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        checks.get().completing(task);
      }
    };
  }

  /** What a case type checks on its user tasks: at creation (who holds it, what it shows) and at completion. */
  public interface TaskChecks {

    void creating(DelegateTask task);

    void completing(DelegateTask task);
  }

  /** Adds these listeners to the engine's post-BPMN-parse listeners (in a plugin's {@code preInit}). */
  public void register(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(this);
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    if (processKey.equals(processDefinition.getKey())) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, start);
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, end);
    }
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && processKey.equals(definition.getKey()) && userTasks.contains(activity.getId())) {
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
    }
  }
}
