package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordRefusalDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordRefusalDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.refused(execution);
  }
}
