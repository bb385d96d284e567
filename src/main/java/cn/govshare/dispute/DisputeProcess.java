package cn.govshare.dispute;

import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import cn.govshare.sharing.Grant;
import cn.govshare.sharing.Grants;
import cn.govshare.sharing.ShareRequest;
import cn.govshare.sharing.ShareRequests;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What dispute-escalation does at each step: completion checks (parties only negotiate; a decision
 * states its reason), and the outcome: a grant and a filing (R19) for SHARE, a refusal for NOT_SHARE.
 */
@Service
class DisputeProcess {

  static final Set<String> OFFICE_DECISIONS = Set.of("SHARE", "NOT_SHARE", "ESCALATE");
  static final Set<String> FINAL_DECISIONS = Set.of("SHARE", "NOT_SHARE");

  private final DisputeMapper mapper;
  private final ShareRequests requests;
  private final Grants grants;
  private final Notifications notifications;
  private final CallerResolver callers;
  private final Clock clock;

  DisputeProcess(DisputeMapper mapper, ShareRequests requests, Grants grants, Notifications notifications,
      CallerResolver callers, Clock clock) {
    this.mapper = mapper;
    this.requests = requests;
    this.grants = grants;
    this.notifications = notifications;
    this.callers = callers;
    this.clock = clock;
  }

  void taskCompleting(DelegateTask task) {
    Caller actor = callers.engineActor();
    String outcome;
    String comment;
    switch (task.getTaskDefinitionKey()) {
      case "negotiation" -> {
        String a = (String) task.getVariable("partyA");
        String b = (String) task.getVariable("partyB");
        if (actor != null && !actor.belongsTo(a) && !actor.belongsTo(b)) {
          throw new ProcessEngineException("只有争议双方部门可以办理部门协商 (R18)");
        }
        if (!(task.getVariable("agreed") instanceof Boolean agreed)) {
          throw new ProcessEngineException("请填写是否协商一致（agreed）");
        }
        comment = text(task, "negotiationResult", "须记录协商结果（negotiationResult）");
        outcome = agreed ? "协商一致" : "协商未果";
      }
      case "officeCoordination", "leadingGroupDecision" -> {
        Set<String> allowed = task.getTaskDefinitionKey().equals("officeCoordination") ? OFFICE_DECISIONS
            : FINAL_DECISIONS;
        Object decision = task.getVariable("decision");
        if (!(decision instanceof String d) || !allowed.contains(d)) {
          throw new ProcessEngineException("决定须为 " + allowed + " 之一（decision）: " + decision);
        }
        comment = text(task, "decisionReason", "须说明决定理由（decisionReason）");
        outcome = (String) decision;
      }
      default -> {
        return;
      }
    }
    long id = disputeId(task.getVariable("disputeId"));
    task.setVariable("lastDecider", actor == null ? "system" : actor.userId());
    mapper.insertStep(new DisputeStep(null, id, task.getTaskDefinitionKey(), task.getName(),
        actor == null ? null : actor.userId(), actor == null ? null : actor.department(), clock.instant(), outcome,
        comment));
  }

  /** Applies the outcome: agreed in negotiation, or decided by the office or the leading group. */
  void applyOutcome(DelegateExecution execution) {
    long id = disputeId(execution.getVariable("disputeId"));
    Dispute dispute = mapper.find(id);
    boolean agreed = Boolean.TRUE.equals(execution.getVariable("agreed"));
    String decision = agreed ? "SHARE" : (String) execution.getVariable("decision");
    String reason = agreed ? (String) execution.getVariable("negotiationResult")
        : (String) execution.getVariable("decisionReason");
    String decider = (String) execution.getVariable("lastDecider");
    if (dispute.kind() == DisputeKind.DATA_CONFLICT) {
      mapper.decide(id, DisputeStatus.RESOLVED, reason, decider, clock.instant(), null);
      for (String group : List.of(dispute.partyA(), dispute.partyB(), Groups.GENERAL_OFFICE)) {
        notifications.notifyGroup(group, "DISPUTE_DECIDED", "数据冲突协调结果: " + dispute.resourceCode() + " / "
            + dispute.otherResourceCode(), reason, "DISPUTE", String.valueOf(id));
      }
      return;
    }
    ShareRequest request = requests.require(dispute.requestId());
    if ("SHARE".equals(decision)) {
      List<String> scope = StringUtils.isBlank(request.requestedFields()) ? List.of()
          : Arrays.asList(request.requestedFields().split(","));
      Grant grant = grants.issue(request.applicantDept(), request.resourceCode(), scope, request.purpose(), null,
          Grants.SOURCE_DISPUTE, String.valueOf(id));
      mapper.decide(id, DisputeStatus.SHARE, reason, decider, clock.instant(), grant.id());
      if (dispute.kind() == DisputeKind.NOT_SHARED) {
        // R19, shaoyang 21(3): NOT_SHARED data provided by agreement is filed with the general office
        String body = (String) execution.getVariable("officeBody");
        mapper.insertFiling(new Filing(null, id, request.id(), request.resourceCode(), decision, reason, decider,
            clock.instant(), body));
        notifications.notifyGroup(Groups.GENERAL_OFFICE, "FILING", "备案：不予共享类资源经协调提供 " + request.resourceCode(),
            "申请 " + request.businessKey() + "；理由：" + reason + "；决定人：" + decider, "DISPUTE", String.valueOf(id));
      }
      requests.disputeDecided(request.id(), true, grant.id(), "经争议协调同意共享：" + reason, decider);
    } else {
      mapper.decide(id, DisputeStatus.NOT_SHARE, reason, decider, clock.instant(), null);
      requests.disputeDecided(request.id(), false, null, "经争议协调不予共享：" + reason, decider);
    }
  }

  private static String text(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ProcessEngineException(message);
    }
    return s.strip();
  }

  private static long disputeId(Object value) {
    return ((Number) value).longValue();
  }
}
