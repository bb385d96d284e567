package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ApplyDisputeOutcomeDelegate implements JavaDelegate {

  private final DisputeProcess process;

  ApplyDisputeOutcomeDelegate(DisputeProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.applyOutcome(execution);
  }
}
