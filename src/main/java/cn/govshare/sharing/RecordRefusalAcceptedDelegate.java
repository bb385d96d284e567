package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordRefusalAccepted: the refusal stands, accepted or not contested in time (R13-CONTEST). */
@Component
class RecordRefusalAcceptedDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordRefusalAcceptedDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.refusalAccepted(execution);
  }
}
