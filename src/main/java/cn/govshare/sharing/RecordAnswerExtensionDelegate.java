package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task recordAnswerExtension: the platform's decision on an answer extension (national 21). */
@Component
class RecordAnswerExtensionDelegate implements JavaDelegate {

  private final ShareRequestProcess process;

  RecordAnswerExtensionDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    process.answerExtensionDecided(execution);
  }
}
