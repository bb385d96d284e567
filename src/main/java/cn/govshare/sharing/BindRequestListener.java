package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of conditional-share-request: binds the instance to its request's row, before any task exists (issue 18). */
@Component
class BindRequestListener implements ExecutionListener {

  private final ShareRequestProcess process;

  BindRequestListener(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateExecution execution) {
    process.started(execution);
  }
}
