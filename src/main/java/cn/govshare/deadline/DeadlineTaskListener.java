package cn.govshare.deadline;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Keeps a timed task's ledger row in step with the task: created, completed, deleted. */
final class DeadlineTaskListener implements TaskListener {

  private final String rule;
  private final Supplier<DeadlineLedger> ledger;

  DeadlineTaskListener(String rule, Supplier<DeadlineLedger> ledger) {
    this.rule = rule;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> ledger.get().open(task, rule);
      case EVENTNAME_COMPLETE -> ledger.get().complete(task);
      case EVENTNAME_DELETE -> ledger.get().cancel(task);
      default -> { }
    }
  }
}
