package cn.govshare.audit;

import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        concerns.add(link.getGroupId().replaceFirst("-head$", ""));
      }
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
