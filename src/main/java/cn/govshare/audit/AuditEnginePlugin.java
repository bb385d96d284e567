package cn.govshare.audit;

import cn.govshare.DeploymentRejection;
import cn.govshare.RecordRetention;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
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
 * audit record, whatever completed it: Tasklist, {@code /engine-rest} or GovShare's API; and no process
 * is deployed with a history time to live shorter than six months, nor shorter than the retention the
 * policy requires (national art. 29: three years; {@link RecordRetention}).
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  static final int MIN_HISTORY_DAYS = 180;

  private final ObjectProvider<TaskAudit> audit;
  private final ObjectProvider<RecordRetention> retention;

  AuditEnginePlugin(ObjectProvider<TaskAudit> audit, ObjectProvider<RecordRetention> retention) {
    this.audit = audit;
    this.retention = retention;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = task -> audit.getObject().completed(task);
    BpmnParseListener parse = new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        // R26: records are kept at least six months, national art. 29 three years; shorter is refused at deployment
        Integer days = definition.getHistoryTimeToLive();
        RecordRetention required = retention.getIfAvailable();
        int minimum = Math.max(MIN_HISTORY_DAYS, required == null ? 0 : required.minimumDays());
        if (days != null && days < minimum) {
          throw new DeploymentRejection("流程 " + definition.getKey() + " 的 historyTimeToLive 为 " + days
              + " 天，记录须至少保存 " + minimum + " 天（R26" + (required == null ? "" : "；" + required.citation())
              + "）：请设为 P" + minimum + "D 或更长");
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(parse);
  }
}
