package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class ApplyExtensionDelegate implements JavaDelegate {

  private final CorrectionProcess process;

  ApplyExtensionDelegate(CorrectionProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.applyExtension(execution);
  }
}
