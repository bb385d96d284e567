package cn.govshare.deployment;

import cn.govshare.policy.ActivePolicy;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Registers {@link DeploymentChecks} before the engine's own deployers (issue 20: safe deployments). */
@Component
class DeploymentEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ActivePolicy> policy;

  DeploymentEnginePlugin(ObjectProvider<ActivePolicy> policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentChecks(policy::getObject));
  }
}
