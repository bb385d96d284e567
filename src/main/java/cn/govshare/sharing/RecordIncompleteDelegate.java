package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordIncomplete: 一次性告知, once (national 21). */
@Component
class RecordIncompleteDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordIncompleteDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.incomplete(execution);
  }
}
