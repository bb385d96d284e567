package cn.govshare;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/** The key of the process an execution runs, from the engine's deployment cache (no query, nothing a user wrote). */
public final class ProcessKeys {

  private ProcessKeys() {
  }

  /** The process definition key, or null when the engine does not say (then callers ask as for any process). */
  public static String of(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity) {
      ProcessDefinitionImpl definition = entity.getProcessDefinition();
      if (definition instanceof ProcessDefinitionEntity deployed) {
        return deployed.getKey();
      }
    }
    return null;
  }
}
