package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordSupplement: complete materials, the answer period restarts once (national 21). */
@Component
class RecordSupplementDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordSupplementDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.supplemented(execution);
  }
}
