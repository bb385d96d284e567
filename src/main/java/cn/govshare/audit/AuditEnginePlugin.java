package cn.govshare.audit;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R26: every task decision of every process (GovShare's and any BPMN an administrator deploys) is an
 * audit record, whatever completed it: Tasklist, {@code /engine-rest} or GovShare's API.
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskAudit> audit;

  AuditEnginePlugin(ObjectProvider<TaskAudit> audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = task -> audit.getObject().completed(task);
    BpmnParseListener parse = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(parse);
  }
}
