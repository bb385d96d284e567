package cn.govshare.sharing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps 《政务数据共享条例》 adds to conditional-share-request (articles 20–22), by activity id: the
 * answer period's start on {@code providerAuthorization}, withdrawal, 一次性告知 and the supplement,
 * the platform's decision on an answer extension, and delivery. Each runs only on paths the active
 * profile switches on.
 */
@Component
class NationalStepDelegate implements JavaDelegate, ExecutionListener {

  private final ShareRequestProcess process;

  NationalStepDelegate(ShareRequestProcess process) {
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case "recordWithdrawn" -> process.withdrawn(execution);
      case "recordIncomplete" -> process.incomplete(execution);
      case "recordSupplement" -> process.supplemented(execution);
      case "recordAnswerExtension" -> process.answerExtensionDecided(execution);
      case "recordDelivered" -> process.delivered(execution);
      default -> throw new IllegalStateException("nationalStepDelegate has no step " + execution.getCurrentActivityId());
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    process.answerPeriodStarts(execution);
  }
}
