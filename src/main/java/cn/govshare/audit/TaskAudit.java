package cn.govshare.audit;

import cn.govshare.CaseDirectory;
import cn.govshare.CaseRef;
import cn.govshare.ProcessKeys;
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
 * the case concerns. The case is found by the task's process instance in GovShare's own records (the
 * {@link CaseDirectory} of the task's process, every one for a process none names), never from a process variable
 * the task's holder could have written.
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
    List<CaseRef> cases = casesOf(task.getProcessInstanceId(),
        task.getExecution() == null ? null : ProcessKeys.of(task.getExecution()));
    cases.forEach(c -> concerns.addAll(c.departments()));
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String subject = cases.isEmpty() ? (businessKey == null ? "" : " " + businessKey)
        : cases.stream().map(c -> " " + c.type() + " #" + c.id() + (c.businessKey() == null ? "" : " " + c.businessKey()))
            .distinct().collect(Collectors.joining());
    String detail = task.getName() + "（" + task.getTaskDefinitionKey() + "）" + subject
        + " 流程实例 " + task.getProcessInstanceId();
    audit.record(actor, ACTION, "TASK", task.getId(), AuditTrail.OK, detail, concerns);
  }

  /**
   * The directories of the task's process are asked first (issue 25: one lookup instead of one per feature), then,
   * if they know no case of the instance, every other one; a process no directory names, or whose key the engine
   * does not give, is asked of every directory: none is trusted alone.
   */
  private List<CaseRef> casesOf(String processInstanceId, String processKey) {
    if (processInstanceId == null) {
      return List.of();
    }
    List<CaseDirectory> all = directories.orderedStream().toList();
    List<CaseDirectory> first = CaseDirectory.askedFirst(all, processKey);
    if (first.isEmpty()) {
      return find(all, processInstanceId);
    }
    List<CaseRef> found = find(first, processInstanceId);
    return found.isEmpty() ? find(all.stream().filter(d -> !first.contains(d)).toList(), processInstanceId) : found;
  }

  private static List<CaseRef> find(List<CaseDirectory> directories, String processInstanceId) {
    return directories.stream().map(d -> d.byProcessInstance(processInstanceId)).flatMap(Optional::stream).toList();
  }
}
