package cn.govshare.federation.lower;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 转交上级平台 (R24, nanchang 14): the checked request goes into the outbox. */
@Component
class ForwardToUpperDelegate implements JavaDelegate {

  private final UpperForwardings forwardings;

  ForwardToUpperDelegate(UpperForwardings forwardings) {
    this.forwardings = forwardings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    forwardings.handOver(execution);
  }
}
