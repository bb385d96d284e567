package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ExtensionRejectedDelegate implements JavaDelegate {

  private final CorrectionProcess process;

  ExtensionRejectedDelegate(CorrectionProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.extensionRejected(execution);
  }
}
