package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordDelivered: the applicant is told the data was delivered (national 22). */
@Component
class RecordDeliveredDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordDeliveredDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.delivered(execution);
  }
}
