package cn.govshare.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of dispute-escalation: the start binds the record to its process; a process that ends
 * with its dispute undecided closes it CANCELLED.
 */
@Component
class DisputeLifecycleListener implements ExecutionListener {

  private final DisputeProcess process;

  DisputeLifecycleListener(DisputeProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      process.started(execution);
    } else {
      process.ended(execution);
    }
  }
}
