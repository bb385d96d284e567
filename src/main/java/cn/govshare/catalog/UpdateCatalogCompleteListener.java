package cn.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code updateCatalog} (R6): only a submitted entry completes it. */
@Component
class UpdateCatalogCompleteListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    UpdateObligations.requireSubmittedEntry(task.getVariable(UpdateObligations.UPDATED_RESOURCE));
  }
}
