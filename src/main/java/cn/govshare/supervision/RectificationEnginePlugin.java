package cn.govshare.supervision;

import cn.govshare.trust.CaseProcessListeners;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the rectification order's case rules into every deployed version of its model, whoever deploys it: the
 * start binds the instance to its order, the end closes an order left open, and both user tasks show the order
 * from its row when created and run {@link RectificationTaskChecks} when completed.
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
    TaskListener tasks = CaseProcessListeners.onCreateAndComplete(checks::getObject);
    new CaseProcessListeners(RectificationOrders.PROCESS,
        (ExecutionListener) execution -> cases.getObject().bind(execution),
        (ExecutionListener) execution -> orders.getObject().processEnded(execution), USER_TASKS, tasks)
        .register(configuration);
  }
}
