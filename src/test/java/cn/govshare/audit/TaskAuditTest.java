package cn.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

/** R26: the audit record of a completed task names the case and its departments, asking the right directories. */
class TaskAuditTest {

  private final AuditTrail trail = mock(AuditTrail.class);
  private final CallerResolver callers = mock(CallerResolver.class);
  private final CaseDirectory requests = directory(Set.of("conditional-share-request"));
  private final CaseDirectory disputes = directory(Set.of("dispute-escalation"));
  private final CaseDirectory undeclared = directory(Set.of());

  @Test
  void aShareRequestTaskAsksTheShareRequestDirectoryAndThoseThatNameNoProcess() {
    when(requests.byProcessInstance("pi-1")).thenReturn(Optional.of(new CaseRef("share-request", 7, "SR-1",
        Set.of("rsj", "gaj"))));

    audit().completed(task("conditional-share-request", "pi-1"));

    verify(disputes, never()).byProcessInstance(anyString());
    verify(undeclared).byProcessInstance("pi-1");
    assertThat(detailAndConcerns()).contains("share-request #7 SR-1", "[gaj, rsj]");
  }

  @Test
  void aProcessNoDirectoryNamesIsAskedOfEveryDirectory() {
    when(disputes.byProcessInstance("pi-2")).thenReturn(Optional.of(new CaseRef("dispute", 3, null, Set.of("mzj"))));

    audit().completed(task("bare-share-request", "pi-2"));

    verify(requests).byProcessInstance("pi-2");
    verify(undeclared).byProcessInstance("pi-2");
    assertThat(detailAndConcerns()).contains("dispute #3", "[mzj]");
  }

  @Test
  void anInstanceItsOwnDirectoryDoesNotKnowIsAskedOfTheOthers() {
    when(disputes.byProcessInstance("pi-3")).thenReturn(Optional.of(new CaseRef("dispute", 4, null, Set.of("mzj"))));

    audit().completed(task("conditional-share-request", "pi-3"));

    verify(requests).byProcessInstance("pi-3");
    assertThat(detailAndConcerns()).contains("dispute #4", "[mzj]");
  }

  private TaskAudit audit() {
    when(callers.engineActor()).thenReturn(new Caller("gaj-reviewer", "审核人", "gaj", Set.of()));
    @SuppressWarnings("unchecked")
    ObjectProvider<CaseDirectory> provider = mock(ObjectProvider.class);
    when(provider.orderedStream()).thenAnswer(i -> List.of(requests, disputes, undeclared).stream());
    return new TaskAudit(trail, callers, provider);
  }

  private String detailAndConcerns() {
    ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Set<String>> concerns = ArgumentCaptor.forClass(Set.class);
    verify(trail).record(any(Caller.class), eq(TaskAudit.ACTION), eq("TASK"), eq("task-1"), eq(AuditTrail.OK),
        detail.capture(), concerns.capture());
    return detail.getValue() + " " + concerns.getValue();
  }

  private static CaseDirectory directory(Set<String> keys) {
    CaseDirectory directory = mock(CaseDirectory.class);
    when(directory.processKeys()).thenReturn(keys);
    when(directory.byProcessInstance(anyString())).thenReturn(Optional.empty());
    return directory;
  }

  private static DelegateTask task(String processKey, String processInstanceId) {
    ProcessDefinitionEntity definition = new ProcessDefinitionEntity();
    definition.setKey(processKey);
    ExecutionEntity execution = new ExecutionEntity();
    execution.setProcessDefinition(definition);
    execution.setProcessInstance(execution);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getExecution()).thenReturn(execution);
    when(task.getProcessInstanceId()).thenReturn(processInstanceId);
    when(task.getId()).thenReturn("task-1");
    when(task.getName()).thenReturn("提供部门审核");
    when(task.getTaskDefinitionKey()).thenReturn("providerAuthorization");
    when(task.getCandidates()).thenReturn(Set.of());
    return task;
  }
}
