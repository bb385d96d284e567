package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordWithdrawn: the applicant's head declined (national 20) or the applicant withdrew (national 21). */
@Component
class RecordWithdrawnDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordWithdrawnDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.withdrawn(execution);
  }
}
