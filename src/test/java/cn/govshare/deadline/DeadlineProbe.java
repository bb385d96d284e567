package cn.govshare.deadline;

import org.camunda.bpm.engine.RepositoryService;

/** The test process: {@code providerAuthorization} (R13) then {@code negotiation} (R18, no limit). */
final class DeadlineProbe {

  static final String KEY = "deadlineProbe";

  private DeadlineProbe() {
  }

  static synchronized void deploy(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().addClasspathResource("bpmn-test/deadline-probe.bpmn").deploy();
    }
  }
}
