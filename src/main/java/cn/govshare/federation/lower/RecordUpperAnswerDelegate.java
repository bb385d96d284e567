package cn.govshare.federation.lower;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知上级平台答复 (R24, R14): the answer the poll stored reaches the request. */
@Component
class RecordUpperAnswerDelegate implements JavaDelegate {

  private final UpperForwardings forwardings;

  RecordUpperAnswerDelegate(UpperForwardings forwardings) {
    this.forwardings = forwardings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    forwardings.answerArrived(execution);
  }
}
