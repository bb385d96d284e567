package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener of conditional-share-request's user tasks: shows the due date, checks completions. */
@Component
class ShareTaskListener implements TaskListener {

  private final ShareRequestProcess process;

  ShareTaskListener(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      process.taskCreated(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      process.taskCompleting(task);
    }
  }
}
