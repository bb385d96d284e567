package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of dispute-escalation's user tasks: refuses bad decisions, records the step. */
@Component
class DisputeTaskListener implements TaskListener {

  private final DisputeProcess process;

  DisputeTaskListener(DisputeProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    process.taskCompleting(task);
  }
}
