package cn.govshare.federation.lower;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of 待上级平台受理 / 上级平台办理中: refused unless this platform's rows say the upper platform has the
 * application (or answered it), so a signal through /engine-rest cannot fake the upper platform (R24).
 */
@Component
class UpperWaitListener implements ExecutionListener {

  private final UpperForwardings forwardings;

  UpperWaitListener(UpperForwardings forwardings) {
    this.forwardings = forwardings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    forwardings.waitEnds(execution);
  }
}
