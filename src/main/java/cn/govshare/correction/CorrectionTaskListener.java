package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of data-correction's user tasks. */
@Component
class CorrectionTaskListener implements TaskListener {

  private final CorrectionProcess process;

  CorrectionTaskListener(CorrectionProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    process.taskCompleting(task);
  }
}
