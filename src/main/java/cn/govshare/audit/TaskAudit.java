package cn.govshare.audit;

import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The audit record of a completed task: who, which task of which request, and the groups it concerned. */
@Component
class TaskAudit {

  static final String ACTION = "TASK_COMPLETED";

  private final AuditTrail audit;
  private final CallerResolver callers;

  TaskAudit(AuditTrail audit, CallerResolver callers) {
    this.audit = audit;
    this.callers = callers;
  }

  void completed(DelegateTask task) {
    Caller actor = callers.engineActor();
    if (actor == null) {
      String assignee = task.getAssignee();
      actor = assignee != null ? callers.resolve(assignee) : new Caller("system", "系统", null, Set.of());
    }
    Set<String> concerns = new TreeSet<>();
    for (String group : Groups.candidateGroups(task)) {
      concerns.add(Groups.departmentOf(group));
    }
    Object applicant = task.getVariable("applicantDept");
    if (applicant instanceof String department) {
      concerns.add(department);
    }
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String detail = task.getName() + "（" + task.getTaskDefinitionKey() + "）"
        + (businessKey == null ? "" : " " + businessKey) + " 流程实例 " + task.getProcessInstanceId();
    audit.record(actor, ACTION, "TASK", task.getId(), AuditTrail.OK, detail, concerns);
  }
}
