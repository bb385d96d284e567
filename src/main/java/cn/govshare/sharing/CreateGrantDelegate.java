package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CreateGrantDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  CreateGrantDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.granted(execution);
  }
}
