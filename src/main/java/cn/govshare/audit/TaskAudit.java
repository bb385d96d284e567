package cn.govshare.audit;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The audit record of a completed task (R26): who, which task of which case, pushed to every department
 * the case concerns. The case is found by the task's process instance in GovShare's own records (every
 * {@link CaseDirectory}), never from a process variable the task's holder could have written.
 */
@Component
class TaskAudit {

  static final String ACTION = "TASK_COMPLETED";

  private final AuditTrail audit;
  private final CallerResolver callers;
  private final ObjectProvider<CaseDirectory> directories;

  TaskAudit(AuditTrail audit, CallerResolver callers, ObjectProvider<CaseDirectory> directories) {
    this.audit = audit;
    this.callers = callers;
    this.directories = directories;
  }

  void completed(DelegateTask task) {
    Caller actor = callers.engineActor();
    if (actor == null) {
      String assignee = task.getAssignee();
      actor = assignee != null ? callers.resolve(assignee) : new Caller(AuditTrail.SYSTEM, "系统", null, Set.of());
    }
    Set<String> concerns = new TreeSet<>();
    for (String group : Groups.candidateGroups(task)) {
      concerns.add(Groups.departmentOf(group));
    }
    List<CaseRef> cases = casesOf(task.getProcessInstanceId());
    cases.forEach(c -> concerns.addAll(c.departments()));
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String subject = cases.isEmpty() ? (businessKey == null ? "" : " " + businessKey)
        : cases.stream().map(c -> " " + c.type() + " #" + c.id() + (c.businessKey() == null ? "" : " " + c.businessKey()))
            .distinct().collect(Collectors.joining());
    String detail = task.getName() + "（" + task.getTaskDefinitionKey() + "）" + subject
        + " 流程实例 " + task.getProcessInstanceId();
    audit.record(actor, ACTION, "TASK", task.getId(), AuditTrail.OK, detail, concerns);
  }

  /** Every directory is asked: a process run for one case type is found by one, but none is trusted alone. */
  private List<CaseRef> casesOf(String processInstanceId) {
    if (processInstanceId == null) {
      return List.of();
    }
    return directories.orderedStream().map(d -> d.byProcessInstance(processInstanceId))
        .flatMap(Optional::stream).toList();
  }
}
