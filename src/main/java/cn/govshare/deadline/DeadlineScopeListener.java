package cn.govshare.deadline;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** Keeps a timed sub-process's ledger row in step with it: opened at its start, closed (or cancelled) at its end. */
final class DeadlineScopeListener implements ExecutionListener {

  private final String rule;
  private final Supplier<DeadlineLedger> ledger;

  DeadlineScopeListener(String rule, Supplier<DeadlineLedger> ledger) {
    this.rule = rule;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      ledger.get().openScope(execution, rule);
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      ledger.get().closeScope(execution);
    }
  }
}
