package cn.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code rejectCatalogChange}: back to the department with the review comment (R7). */
@Component
class RejectCatalogChangeDelegate implements JavaDelegate {

  private final CatalogChanges changes;

  RejectCatalogChangeDelegate(CatalogChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.reject((Long) execution.getVariable("changeId"), (String) execution.getVariable("catalogReviewer"),
        (String) execution.getVariable("reviewComment"));
  }
}
