package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordCheckFailedDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordCheckFailedDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.checkFailed(execution);
  }
}
