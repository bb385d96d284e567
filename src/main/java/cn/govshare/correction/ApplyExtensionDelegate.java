package cn.govshare.correction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 延期并告知使用部门 (R22): the head agreed, the period grows, the user is told. */
@Component
class ApplyExtensionDelegate implements JavaDelegate {

  private final Corrections corrections;

  ApplyExtensionDelegate(Corrections corrections) {
    this.corrections = corrections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    corrections.applyExtension(execution);
  }
}
