package cn.govshare.opendata;

import cn.govshare.trust.CaseProcessListeners;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the open-data request's case rules into every deployed version of its model, whoever deploys it: the start
 * binds the instance to its request, the end closes a request left open, and the provider's task shows the request
 * from its row when created and runs {@link OpenDataTaskChecks} when completed.
 */
@Component
class OpenDataEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<OpenDataCases> cases;
  private final ObjectProvider<OpenDataRequests> requests;
  private final ObjectProvider<OpenDataTaskChecks> checks;

  OpenDataEnginePlugin(ObjectProvider<OpenDataCases> cases, ObjectProvider<OpenDataRequests> requests,
      ObjectProvider<OpenDataTaskChecks> checks) {
    this.cases = cases;
    this.requests = requests;
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener tasks = CaseProcessListeners.onCreateAndComplete(checks::getObject);
    new CaseProcessListeners(OpenDataRequests.PROCESS,
        (ExecutionListener) execution -> cases.getObject().bind(execution),
        (ExecutionListener) execution -> requests.getObject().processEnded(execution),
        Set.of(OpenDataTaskChecks.REVIEW), tasks).register(configuration);
  }
}
