package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 维持原期限 (R22): the head refused, verification goes on within the period as it was. */
@Component
class KeepOriginalDueDelegate implements JavaDelegate {

  private final Corrections corrections;

  KeepOriginalDueDelegate(Corrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    corrections.keepOriginalDue(execution);
  }
}
