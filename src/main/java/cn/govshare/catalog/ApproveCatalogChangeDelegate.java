package cn.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code approveCatalogChange}: the platform approved the submission (R7). */
@Component
class ApproveCatalogChangeDelegate implements JavaDelegate {

  private final CatalogChanges changes;

  ApproveCatalogChangeDelegate(CatalogChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.approve((Long) execution.getVariable("changeId"), (String) execution.getVariable("catalogReviewer"),
        (String) execution.getVariable("reviewComment"));
  }
}
