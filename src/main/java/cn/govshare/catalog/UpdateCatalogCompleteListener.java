package cn.govshare.catalog;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code updateCatalog} (R6): only a submitted entry completes it, or one request
 * for the extension the profile allows (R6-EXT, 《政务数据共享条例》第十七条).
 */
@Component
class UpdateCatalogCompleteListener implements TaskListener {

  private final UpdateExtensions extensions;

  UpdateCatalogCompleteListener(UpdateExtensions extensions) {
    this.extensions = extensions;
  }

  @Override
  public void notify(DelegateTask task) {
    extensions.checkCompletion(task);
  }
}
