package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create and complete listener of dispute-escalation's user tasks: {@link DisputeTaskChecks}. */
@Component
class DisputeTaskListener implements TaskListener {

  private final DisputeTaskChecks checks;

  DisputeTaskListener(DisputeTaskChecks checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      checks.created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      checks.completing(task);
    }
  }
}
