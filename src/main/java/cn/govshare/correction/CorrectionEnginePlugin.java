package cn.govshare.correction;

import cn.govshare.trust.CaseProcessListeners;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
    new CaseProcessListeners(Corrections.PROCESS,
        (ExecutionListener) execution -> cases.getObject().bind(execution),
        (ExecutionListener) execution -> corrections.getObject().processEnded(execution), USER_TASKS,
        new CorrectionTaskListener(forms::getObject, checks::getObject)).register(configuration);
  }
}
