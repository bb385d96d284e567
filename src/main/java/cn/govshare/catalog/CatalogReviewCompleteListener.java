package cn.govshare.catalog;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code catalogReview}: refuses a rejection without reasons (the form's
 * required check lets whitespace through), stores the decision as a Boolean and who made it.
 */
@Component
class CatalogReviewCompleteListener implements TaskListener {

  private final IdentityService identity;

  CatalogReviewCompleteListener(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = CatalogChanges.reviewDecision(task.getVariable("catalogApproved"),
        task.getVariable("reviewComment"));
    Authentication authentication = identity.getCurrentAuthentication();
    String reviewer = authentication != null ? authentication.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "platform-operators";
    task.setVariable("catalogApproved", approved);
    task.setVariable("catalogReviewer", reviewer);
  }
}
