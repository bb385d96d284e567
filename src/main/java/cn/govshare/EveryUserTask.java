package cn.govshare;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** What an engine plugin's {@code preInit} adds to every user task of every deployment. */
public final class EveryUserTask {

  private EveryUserTask() {
  }

  /** A built-in task listener on every user task. */
  public static void listen(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    define(configuration, definition -> definition.addBuiltInTaskListener(event, listener));
  }

  /** A change to every user task's definition, made when its deployment is parsed. */
  public static void define(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> change) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        change.accept(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
      }
    });
  }
}
