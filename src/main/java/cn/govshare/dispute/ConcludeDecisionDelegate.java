package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ConcludeDecisionDelegate implements JavaDelegate {

  private final DisputeProcess process;

  ConcludeDecisionDelegate(DisputeProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.concludeDecision(execution);
  }
}
