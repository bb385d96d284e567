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
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What dispute-escalation's service tasks do, from the record only: conclude negotiation from the parties' own
 * positions, take the coordinating or deciding body's recorded decision, and carry out the outcome (a grant and
 * a filing, R19, for SHARE; a refusal for NOT_SHARE). Status changes go through {@link DisputeTransitions}.
 */
@Service
class DisputeProcess {

  static final Caller SYSTEM = new Caller("system", "系统", null, Set.of());
  /** Transient start variable naming the record a new process runs: read once, never stored. */
  static final String BIND = "disputeRecord";

  private final DisputeCases cases;
  private final DisputeChains chains;
  private final DisputeMapper mapper;
  private final DisputeTransitions transitions;
  private final ShareRequests requests;
  private final Grants grants;
  private final Notifications notifications;
  private final CallerResolver callers;
  private final Clock clock;

  DisputeProcess(DisputeCases cases, DisputeChains chains, DisputeMapper mapper, DisputeTransitions transitions,
      ShareRequests requests, Grants grants, Notifications notifications, CallerResolver callers, Clock clock) {
    this.cases = cases;
    this.chains = chains;
    this.mapper = mapper;
    this.transitions = transitions;
    this.requests = requests;
    this.grants = grants;
    this.notifications = notifications;
    this.callers = callers;
    this.clock = clock;
  }

  /**
   * R18: agreed only when every negotiator stated the same outcome; a SHARE thus carries the provider's own
   * consent (shaoyang 21(3) 提供部门同意提供). Otherwise the next body of the profile's chain takes it.
   */
  void concludeNegotiation(DelegateExecution execution) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    DisputeChain chain = chains.of(dispute);
    List<Position> positions = mapper.positions(dispute.id());
    Set<Position.Stance> stances = positions.stream().map(Position::position).collect(Collectors.toSet());
    Position last = positions.stream().filter(p -> p.at() != null).reduce((a, b) -> a.at().isAfter(b.at()) ? a : b)
        .orElseThrow(() -> new IllegalStateException("negotiation of dispute " + dispute.id() + " ended unstated"));
    Caller actor = callers.resolve(last.actorUser());
    Position.Stance agreed = stances.size() == 1 ? stances.iterator().next() : null;
    boolean providerConsents = positions.stream().anyMatch(p -> p.role() == Position.PartyRole.PROVIDER
        && p.position() == Position.Stance.SHARE && p.party().equals(p.actorDept()));
    if (agreed == Position.Stance.SHARE && providerConsents) {
      transitions.apply(dispute, DisputeTransitions.Event.AGREED_SHARE, actor, summary(positions));
    } else if (agreed == Position.Stance.NOT_SHARE) {
      transitions.apply(dispute, DisputeTransitions.Event.AGREED_NOT_SHARE, actor, summary(positions));
    } else if (agreed == Position.Stance.CONSISTENT) {
      transitions.apply(dispute, DisputeTransitions.Event.AGREED_CONSISTENT, actor, summary(positions));
    } else if (chain.coordination() != null) {
      transitions.apply(dispute, DisputeTransitions.Event.TO_COORDINATION, actor, null);
    } else if (chain.decision() != null) {
      transitions.apply(dispute, DisputeTransitions.Event.TO_DECISION, actor, null);
    } else {
      transitions.apply(dispute, DisputeTransitions.Event.NO_FURTHER_STEP, actor,
          "未能协商一致；" + chain.negotiation().citation() + "未规定后续步骤：" + summary(positions));
    }
  }

  /**
   * Where the text has no negotiation for this dispute (shaoyang 21 ¶2: a dispute goes to 市行政审批服务局), the
   * applicant's contest itself refers it to the first body of the chain.
   */
  void referWithoutNegotiation(DelegateExecution execution) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    DisputeChain chain = chains.of(dispute);
    transitions.apply(dispute, chain.coordination() != null ? DisputeTransitions.Event.TO_COORDINATION
        : DisputeTransitions.Event.TO_DECISION, callers.resolve(dispute.createdBy()), null);
  }

  /** The coordinating body's recorded decision: SHARE, NOT_SHARE, RESOLVED, or ESCALATE to the deciding body. */
  void concludeCoordination(DelegateExecution execution) {
    conclude(execution, DisputeTaskChecks.OFFICE);
  }

  /** The deciding body's recorded decision: SHARE or NOT_SHARE. */
  void concludeDecision(DelegateExecution execution) {
    conclude(execution, DisputeTaskChecks.LEADING);
  }

  private void conclude(DelegateExecution execution, String taskKey) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    DisputeStep step = mapper.lastStep(dispute.id(), taskKey);
    if (step == null) {
      throw new IllegalStateException("dispute " + dispute.id() + ": no recorded " + taskKey);
    }
    DisputeTransitions.Event event = switch (step.outcome()) {
      case "SHARE" -> DisputeTransitions.Event.DECIDED_SHARE;
      case "NOT_SHARE" -> DisputeTransitions.Event.DECIDED_NOT_SHARE;
      case "RESOLVED" -> DisputeTransitions.Event.DECIDED_RESOLVED;
      case DisputeTaskChecks.ESCALATE -> DisputeTransitions.Event.TO_DECISION;
      default -> throw new IllegalStateException("dispute " + dispute.id() + ": outcome " + step.outcome());
    };
    transitions.apply(dispute, event, callers.resolve(step.actorUser()), step.body() + "：" + step.comment());
  }

  /** Carries out a closed dispute's outcome; the originating request learns it. */
  void applyOutcome(DelegateExecution execution) {
    Dispute dispute = cases.require(execution.getProcessInstanceId());
    String reason = dispute.outcomeReason();
    String decider = dispute.decidedBy();
    if (dispute.kind() == DisputeKind.DATA_CONFLICT) {
      String subject = (dispute.status() == DisputeStatus.RESOLVED ? "数据冲突协调结果: " : "数据冲突未能协调一致: ")
          + dispute.resourceCode() + " / " + dispute.otherResourceCode();
      for (String group : List.of(dispute.partyA(), dispute.partyB(), Groups.GENERAL_OFFICE)) {
        notifications.notifyGroup(group, "DISPUTE_DECIDED", subject, reason, "DISPUTE", String.valueOf(dispute.id()));
      }
      return;
    }
    ShareRequest request = requests.require(dispute.requestId());
    if (dispute.status() == DisputeStatus.SHARE) {
      List<String> scope = StringUtils.isBlank(request.requestedFields()) ? List.of()
          : Arrays.asList(request.requestedFields().split(","));
      Grant grant = grants.issue(request.applicantDept(), request.resourceCode(), scope, request.purpose(), null,
          Grants.SOURCE_DISPUTE, String.valueOf(dispute.id()));
      mapper.setGrant(dispute.id(), grant.id());
      if (dispute.kind() == DisputeKind.NOT_SHARED) {
        file(dispute, request, chains.of(dispute).filing(), reason, decider);
      }
      requests.disputeDecided(request.id(), true, grant.id(), "经争议协调同意共享：" + reason, decider);
    } else {
      requests.disputeDecided(request.id(), false, null, "经争议协调不予共享：" + reason, decider);
    }
  }

  /** Binds a new process to its record, once (the variable is transient: no user can ever write it). */
  void started(DelegateExecution execution) {
    Object id = execution.getVariable(BIND);
    if (!(id instanceof Long recordId) || mapper.bindProcessInstance(recordId, execution.getProcessInstanceId()) != 1) {
      throw new IllegalStateException("dispute-escalation must be started by Disputes (no unbound record " + id + ")");
    }
  }

  /** The process ended with the dispute undecided (deleted by an administrator): it closes CANCELLED, no orphan. */
  void ended(DelegateExecution execution) {
    Dispute dispute = mapper.findByProcessInstance(execution.getProcessInstanceId());
    if (dispute != null && !dispute.status().closed()) {
      transitions.apply(dispute, DisputeTransitions.Event.PROCESS_ENDED, SYSTEM, "流程结束时争议尚未办结");
    }
  }

  /** R19, shaoyang 21(3): NOT_SHARED data provided by agreement or decision is filed with the profile's body. */
  private void file(Dispute dispute, ShareRequest request, DisputeChain.Step filing, String reason, String decider) {
    mapper.insertFiling(new Filing(null, dispute.id(), request.id(), request.resourceCode(), "SHARE", reason, decider,
        clock.instant(), filing.body(), filing.citation()));
    notifications.notifyGroup(filing.group() == null ? Groups.GENERAL_OFFICE : filing.group(), "FILING",
        "备案：不予共享类资源经协商或协调提供 " + request.resourceCode(), "申请 " + request.businessKey() + "；备案机构："
            + filing.body() + "（" + filing.citation() + "）；理由：" + reason + "；决定人：" + decider,
        "DISPUTE", String.valueOf(dispute.id()));
  }

  private static String summary(List<Position> positions) {
    return positions.stream().map(p -> p.party() + "（" + p.actorUser() + "）" + p.position() + "：" + p.comment())
        .collect(Collectors.joining("；"));
  }
}
