package cn.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code applyCatalogChange}: the approved change takes effect (R7). */
@Component
class ApplyCatalogChangeDelegate implements JavaDelegate {

  private final CatalogChanges changes;

  ApplyCatalogChangeDelegate(CatalogChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.apply((Long) execution.getVariable("changeId"));
  }
}
