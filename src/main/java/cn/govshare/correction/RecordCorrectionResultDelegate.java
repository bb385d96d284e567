package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知使用部门校核结果 (R22): the provider tells the user the result. */
@Component
class RecordCorrectionResultDelegate implements JavaDelegate {

  private final Corrections corrections;

  RecordCorrectionResultDelegate(Corrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    corrections.tellResult(execution);
  }
}
