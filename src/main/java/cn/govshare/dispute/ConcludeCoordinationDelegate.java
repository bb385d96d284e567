package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ConcludeCoordinationDelegate implements JavaDelegate {

  private final DisputeProcess process;

  ConcludeCoordinationDelegate(DisputeProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.concludeCoordination(execution);
  }
}
