package cn.govshare.dispute;

import cn.govshare.FormRejection;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * dispute-escalation's task checks, all in one class. On create: a negotiation task's party is fixed from the
 * record, and each task's form fields start empty in the task's own scope, so one body's text never pre-fills
 * another's (issue 19 item 8). On complete: the actor must be the task's own party or body, the case identity
 * comes from the record (issue 18), and each party's position is stored as its own act (R18) and leaves the
 * engine's variables, so the other party neither sees it prefilled nor reads it before answering (issue 20).
 */
@Service
class DisputeTaskChecks {

  static final String NEGOTIATION = "negotiation";
  static final String OFFICE = "officeCoordination";
  static final String LEADING = "leadingGroupDecision";
  static final String ESCALATE = "ESCALATE";
  static final int TEXT_COLUMN = 2000;
  /** A negotiation form's fields: each party's own, kept in its task's scope and, once stated, only in its row. */
  static final List<String> NEGOTIATION_FIELDS = List.of("agreed", "agreedOutcome", "negotiationResult");
  /** Variables that once carried a dispute's identity: written by a user, they are an attempt to redirect it. */
  static final List<String> IDENTITY = List.of("disputeId", "requestId", "applicantDept", "providerDept", "partyA",
      "partyB");

  private final DisputeCases cases;
  private final DisputeChains chains;
  private final DisputeMapper mapper;
  private final CallerResolver callers;
  private final DepartmentService departments;
  private final Clock clock;

  DisputeTaskChecks(DisputeCases cases, DisputeChains chains, DisputeMapper mapper, CallerResolver callers,
      DepartmentService departments, Clock clock) {
    this.cases = cases;
    this.chains = chains;
    this.mapper = mapper;
    this.callers = callers;
    this.departments = departments;
    this.clock = clock;
  }

  void created(DelegateTask task) {
    Dispute dispute = cases.require(task.getProcessInstanceId());
    DisputeChain chain = chains.of(dispute);
    DelegateExecution scope = task.getExecution();
    DisputeChain.Step step;
    switch (task.getTaskDefinitionKey()) {
      case NEGOTIATION -> {
        step = chain.negotiation();
        String party = DisputeFlow.negotiators(dispute, chain).get(DisputeFlow.loopCounter(scope));
        mapper.insertPosition(new Position(null, dispute.id(), task.getId(), party, role(dispute, party), null, null,
            null, null, null));
        for (String field : NEGOTIATION_FIELDS) {
          scope.setVariableLocal(field, null);
        }
        scope.setVariableLocal("negotiator", roleLabel(role(dispute, party), dispute));
      }
      case OFFICE, LEADING -> {
        step = task.getTaskDefinitionKey().equals(OFFICE) ? chain.coordination() : chain.decision();
        scope.setVariableLocal("decision", null);
        scope.setVariableLocal("decisionReason", null);
        scope.setVariableLocal("nextStep", task.getTaskDefinitionKey().equals(OFFICE) && chain.decision() != null
            && dispute.kind() != DisputeKind.DATA_CONFLICT
            ? "如需，可提请" + chain.decision().body() + "（" + chain.decision().citation() + "）"
            : "本办法未规定后续机构：请作出决定，不能再提请");
      }
      default -> {
        return;
      }
    }
    task.setName(step.name());
    scope.setVariableLocal("stepName", step.name());
    scope.setVariableLocal("stepBody", step.body());
    scope.setVariableLocal("stepCitation", step.citation());
  }

  void completing(DelegateTask task) {
    if (!Set.of(NEGOTIATION, OFFICE, LEADING).contains(task.getTaskDefinitionKey())) {
      return;
    }
    Dispute dispute = cases.require(task.getProcessInstanceId());
    guardIdentity(task, dispute);
    Caller actor = callers.engineActor();
    if (actor == null) {
      throw new FormRejection(null, "争议协调须由实名用户办理（R26）");
    }
    DisputeChain chain = chains.of(dispute);
    switch (task.getTaskDefinitionKey()) {
      case NEGOTIATION -> negotiate(task, dispute, chain, actor);
      case OFFICE -> decide(task, dispute, chain.coordination(), actor, chain.decision() != null);
      default -> decide(task, dispute, chain.decision(), actor, false);
    }
  }

  /** R18, shaoyang 21(3): a party states its own position; only the provider's own SHARE consents for it. */
  private void negotiate(DelegateTask task, Dispute dispute, DisputeChain chain, Caller actor) {
    Position own = mapper.positionOfTask(task.getId());
    if (own == null) {
      throw new IllegalStateException("negotiation task " + task.getId() + " has no party on record");
    }
    boolean member = own.role() == Position.PartyRole.PLATFORM ? actor.isMember(Groups.PLATFORM_OPERATORS)
        : actor.belongsTo(own.party());
    if (!member) {
      throw new FormRejection(null, "本协商任务属于" + roleLabel(own.role(), dispute) + "，只能由该方办理（R18）");
    }
    if (!(task.getVariable("agreed") instanceof Boolean agreed)) {
      throw new FormRejection("agreed", "请填写是否协商一致");
    }
    String comment = text(task, "negotiationResult", "须记录协商情况");
    Position.Stance stance;
    if (!agreed) {
      stance = Position.Stance.NO_AGREEMENT;
    } else if (dispute.kind() == DisputeKind.DATA_CONFLICT) {
      stance = Position.Stance.CONSISTENT;
    } else {
      Object outcome = task.getVariable("agreedOutcome");
      if (!"SHARE".equals(outcome) && !"NOT_SHARE".equals(outcome)) {
        throw new FormRejection("agreedOutcome", "协商一致时须写明一致意见：SHARE（同意共享）或 NOT_SHARE（不予共享）");
      }
      stance = Position.Stance.valueOf((String) outcome);
    }
    if (mapper.statePosition(task.getId(), stance, comment, actor.userId(), actor.department(), clock.instant())
        != 1) {
      throw new FormRejection(null, "本方已表明协商意见");
    }
    mapper.insertStep(new DisputeStep(null, dispute.id(), NEGOTIATION, chain.negotiation().name() + "："
        + roleLabel(own.role(), dispute), actor.userId(), actor.department(), clock.instant(), stance.name(), comment,
        chain.negotiation().body(), chain.negotiation().citation()));
    // the position row holds the answer now; the variables would outlive the task for the other party to read
    task.getExecution().removeVariablesLocal(NEGOTIATION_FIELDS);
  }

  /** The coordinating or deciding body states its decision and its reason. */
  private void decide(DelegateTask task, Dispute dispute, DisputeChain.Step step, Caller actor,
      boolean mayEscalate) {
    if (!actor.isMember(step.group())) {
      throw new FormRejection(null, "本环节由" + step.body() + "办理（" + step.citation() + "）");
    }
    Object decision = task.getVariable("decision");
    if (dispute.kind() == DisputeKind.DATA_CONFLICT) {
      if (decision != null && !"RESOLVED".equals(decision)) {
        throw new FormRejection("decision", "数据不一致的协调结果为 RESOLVED（协调处理完毕），请在理由中写明以哪方数据为准");
      }
      decision = "RESOLVED";
    } else {
      Set<String> allowed = mayEscalate ? Set.of("SHARE", "NOT_SHARE", ESCALATE) : Set.of("SHARE", "NOT_SHARE");
      if (!(decision instanceof String d) || !allowed.contains(d)) {
        throw new FormRejection("decision", ESCALATE.equals(decision)
            ? "本办法未规定" + step.body() + "之后的机构，不能提请（" + step.citation() + "）"
            : "决定须为 " + String.join("、", allowed.stream().sorted().toList()) + " 之一");
      }
    }
    String reason = text(task, "decisionReason", "须说明决定理由");
    mapper.insertStep(new DisputeStep(null, dispute.id(), task.getTaskDefinitionKey(), step.name(), actor.userId(),
        actor.department(), clock.instant(), (String) decision, reason, step.body(), step.citation()));
  }

  /** Issue 18: a case's identity is its record; a variable claiming another is refused, never followed. */
  private static void guardIdentity(DelegateTask task, Dispute dispute) {
    for (String name : IDENTITY) {
      if (task.hasVariable(name)) {
        throw new FormRejection(name, "不得写入案件身份变量：争议以其记录为准");
      }
    }
    if (task.hasVariable("resourceCode") && !Objects.equals(task.getVariable("resourceCode"), dispute.resourceCode())) {
      throw new FormRejection("resourceCode", "不得改写争议涉及的资源");
    }
  }

  private static Position.PartyRole role(Dispute dispute, String party) {
    if (Groups.PLATFORM_OPERATORS.equals(party)) {
      return Position.PartyRole.PLATFORM;
    }
    return party.equals(dispute.partyB()) ? Position.PartyRole.PROVIDER : Position.PartyRole.APPLICANT;
  }

  private String roleLabel(Position.PartyRole role, Dispute dispute) {
    boolean conflict = dispute.kind() == DisputeKind.DATA_CONFLICT;
    return switch (role) {
      case PLATFORM -> "共享平台管理单位";
      case PROVIDER -> "提供部门（" + departments.nameOf(dispute.partyB()) + "）";
      case APPLICANT -> (conflict ? "提供部门（" : "使用部门（") + departments.nameOf(dispute.partyA()) + "）";
    };
  }

  private static String text(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new FormRejection(name, message);
    }
    if (s.length() > TEXT_COLUMN) {
      throw new FormRejection(name, "不得超过 " + TEXT_COLUMN + " 字");
    }
    return s.strip();
  }
}
