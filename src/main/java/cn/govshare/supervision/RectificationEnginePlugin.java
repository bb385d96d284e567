package cn.govshare.supervision;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the rectification order's case rules into every deployed version of its model, whoever deploys it: the
 * start binds the instance to its order, the end closes an order left open, and both user tasks show the order
 * from its row when created and run {@link RectificationTaskChecks} when completed. Built-in listeners cannot be
 * skipped or left out of a model.
 */
@Component
class RectificationEnginePlugin extends AbstractProcessEnginePlugin {

  static final Set<String> USER_TASKS = Set.of(RectificationTaskChecks.ANSWER, RectificationTaskChecks.REVIEW);

  private final ObjectProvider<RectificationCases> cases;
  private final ObjectProvider<RectificationOrders> orders;
  private final ObjectProvider<RectificationTaskChecks> checks;

  RectificationEnginePlugin(ObjectProvider<RectificationCases> cases, ObjectProvider<RectificationOrders> orders,
      ObjectProvider<RectificationTaskChecks> checks) {
    this.cases = cases;
    this.orders = orders;
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener taskListener = task -> {
      switch (task.getEventName()) {
        case TaskListener.EVENTNAME_CREATE -> checks.getObject().creating(task);
        case TaskListener.EVENTNAME_COMPLETE -> checks.getObject().completing(task);
        default -> { }
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (RectificationOrders.PROCESS.equals(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) execution -> cases.getObject().bind(execution));
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) execution -> orders.getObject().processEnded(execution));
        }
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && RectificationOrders.PROCESS.equals(definition.getKey()) && USER_TASKS.contains(activity.getId())) {
          TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
        }
      }
    });
  }
}
