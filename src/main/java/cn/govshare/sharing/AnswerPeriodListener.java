package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of providerAuthorization: the answer period starts on the request's row the first time (R13, national 21). */
@Component
class AnswerPeriodListener implements ExecutionListener {

  private final ShareRequestProcess process;

  AnswerPeriodListener(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void notify(DelegateExecution execution) {
    process.answerPeriodStarts(execution);
  }
}
