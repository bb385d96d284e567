package cn.govshare.casefile;

import cn.govshare.CaseFileSource;
import cn.govshare.ConstantVariables;
import cn.govshare.EveryUserTask;
import cn.govshare.org.DepartmentService;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 20: Tasklist's list shows each task's case number, requesting department and resource. Every user task of
 * every deployment gets them as task-local variables when it is created, from GovShare's rows (the case's
 * {@link CaseFileSource}); users cannot write them (the engine guard lets a task's holder write only its form's
 * fields). {@link TaskFilters} names them in the filters' {@code variables}. Set once, never changed
 * ({@link ConstantVariables}).
 */
@Component
class CaseListColumns extends AbstractProcessEnginePlugin implements ConstantVariables {

  static final String NUMBER = "caseNumber";
  static final String REQUESTER = "caseRequester";
  static final String RESOURCE = "caseResource";

  private final ObjectProvider<CaseFileSource> sources;
  private final ObjectProvider<DepartmentService> departments;

  CaseListColumns(ObjectProvider<CaseFileSource> sources, ObjectProvider<DepartmentService> departments) {
    this.sources = sources;
    this.departments = departments;
  }

  @Override
  public boolean constant(String processDefinitionKey, String variableName) {
    return NUMBER.equals(variableName) || REQUESTER.equals(variableName) || RESOURCE.equals(variableName);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, CaseListColumns.this::label);
  }


  void label(DelegateTask task) {
    List<CaseFileSource> all = sources.orderedStream().toList();
    Optional<CaseFileSource.Heading> heading = all.stream().map(s -> s.headingWhileStarting(task.getProcessInstanceId(),
        task.getExecution().getProcessBusinessKey()))
        .flatMap(Optional::stream).findFirst();
    heading.ifPresent(h -> {
      task.setVariableLocal(NUMBER, h.businessKey());
      task.setVariableLocal(REQUESTER, departments.getObject().nameOf(h.requester()));
      task.setVariableLocal(RESOURCE, h.resource());
    });
  }
}
