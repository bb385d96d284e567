package cn.govshare.correction;

import java.util.ArrayList;
import java.util.Set;
import java.util.function.Supplier;
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
 * Builds data-correction's case rules into every deployed version of the model, whoever deploys it (issue 18):
 * the process start binds the instance to its case, the end closes a case left unresolved (no correction open
 * without a process, also when an instance is deleted with {@code skipCustomListeners}), and the two user tasks
 * get {@link CorrectionTaskListener}. Built-in listeners cannot be skipped or left out of a model.
 */
@Component
class CorrectionEnginePlugin extends AbstractProcessEnginePlugin {

  static final Set<String> USER_TASKS = Set.of(CorrectionTaskChecks.VERIFY, CorrectionTaskChecks.APPROVE);

  private final ObjectProvider<CorrectionCases> cases;
  private final ObjectProvider<Corrections> corrections;
  private final ObjectProvider<CorrectionTaskForms> forms;
  private final ObjectProvider<CorrectionTaskChecks> checks;

  CorrectionEnginePlugin(ObjectProvider<CorrectionCases> cases, ObjectProvider<Corrections> corrections,
      ObjectProvider<CorrectionTaskForms> forms, ObjectProvider<CorrectionTaskChecks> checks) {
    this.cases = cases;
    this.corrections = corrections;
    this.forms = forms;
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new ParseListener(cases::getObject, corrections::getObject,
        new CorrectionTaskListener(forms::getObject, checks::getObject)));
  }

  private static final class ParseListener extends AbstractBpmnParseListener {

    private final Supplier<CorrectionCases> cases;
    private final Supplier<Corrections> corrections;
    private final CorrectionTaskListener taskListener;

    ParseListener(Supplier<CorrectionCases> cases, Supplier<Corrections> corrections,
        CorrectionTaskListener taskListener) {
      this.cases = cases;
      this.corrections = corrections;
      this.taskListener = taskListener;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (!Corrections.PROCESS.equals(processDefinition.getKey())) {
        return;
      }
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> cases.get().bind(execution));
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
          (ExecutionListener) execution -> corrections.get().processEnded(execution));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          && Corrections.PROCESS.equals(definition.getKey())) || !USER_TASKS.contains(activity.getId())) {
        return;
      }
      TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
    }
  }
}
