package cn.govshare.correction;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Built into data-correction's user tasks by {@link CorrectionEnginePlugin}, so a redeployed model cannot drop
 * it: create shows the case from its record, complete runs the checks.
 */
final class CorrectionTaskListener implements TaskListener {

  private final Supplier<CorrectionTaskForms> forms;
  private final Supplier<CorrectionTaskChecks> checks;

  CorrectionTaskListener(Supplier<CorrectionTaskForms> forms, Supplier<CorrectionTaskChecks> checks) {
    this.forms = forms;
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> forms.get().creating(task);
      case EVENTNAME_COMPLETE -> checks.get().completing(task);
      default -> { }
    }
  }
}
