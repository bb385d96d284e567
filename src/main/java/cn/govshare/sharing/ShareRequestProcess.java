package cn.govshare.sharing;

import cn.govshare.FormRejection;
import cn.govshare.ProcessKeys;
import cn.govshare.deadline.Deadlines;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.policy.ActivePolicy;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What the conditional-share-request process does at each step (called by its delegates and its task
 * listener). The request is always the row found by the process instance ({@link ShareRequestParties});
 * its status changes only through {@link RequestLifecycle}; completions are checked by {@link ShareTaskChecks}.
 */
@Service
class ShareRequestProcess {

  static final String OUTCOME = "outcome";
  /** The provider's answer task (R13). */
  static final String ANSWER_TASK = "providerAuthorization";
  /** The outcomes of the provider's answer as its step records them (R13; R28 counts them). */
  static final String APPROVED = "同意共享";
  static final String REFUSED = "不予共享";
  /**
   * The sub-process that carries the answer period (R13; national 20, 21): the provider's answer, its head's
   * sign-off and the extension decision; the period closes only when the answer leaves the provider.
   */
  static final String ANSWER_SCOPE = "providerAnswer";
  static final Set<String> ANSWER_SCOPE_TASKS = Set.of(ANSWER_TASK, "providerHeadSignOff",
      "approveAnswerExtension");
  static final String CONTEST_TASK = "applicantReview";
  /** Form answers of one round of the provider's answer, cleared when the provider's task opens again. */
  private static final List<String> ROUND_VARIABLES = List.of("answerAction", "missingMaterials", "extensionDays",
      "extensionReason", "extensionApproved", "extensionComment", "providerHeadApproved", "providerHeadComment");

  private final ShareRequests requests;
  private final SharingMapper mapper;
  private final RequestLifecycle lifecycle;
  private final ShareRequestParties parties;
  private final ShareTaskChecks checks;
  private final CallerResolver callers;
  private final ActivePolicy policy;
  private final Deadlines deadlines;
  private final Clock clock;

  ShareRequestProcess(ShareRequests requests, SharingMapper mapper, RequestLifecycle lifecycle,
      ShareRequestParties parties, ShareTaskChecks checks, CallerResolver callers, ActivePolicy policy,
      Deadlines deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.requests = requests;
    this.mapper = mapper;
    this.lifecycle = lifecycle;
    this.parties = parties;
    this.checks = checks;
    this.callers = callers;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Process start: binds the instance to the request the platform just routed, found by the business key it
   * set and only while that request has no instance yet; a process started without such a request stops.
   */
  void started(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    // only this process binds a request (ShareRequestCases names it alone to the task audit, issue 25)
    ShareRequest request = businessKey == null || !ShareRequests.PROCESS.equals(ProcessKeys.of(execution)) ? null
        : mapper.findRequestByBusinessKey(businessKey);
    if (request == null || mapper.bindProcessInstance(businessKey, execution.getProcessInstanceId()) != 1) {
      throw new ProcessEngineException("有条件共享申请流程只能由共享申请启动（业务编号 " + businessKey + "）");
    }
    lifecycle.apply(request.id(), RequestEvent.REVIEW_STARTED, null, null);
  }

  /**
   * Sets the due dates the engine cannot compute: the contest window's end, and the answer period's for every task
   * inside it. The forms show the due date as text (ShareRequestForms).
   */
  void taskCreated(DelegateTask task) {
    if (CONTEST_TASK.equals(task.getTaskDefinitionKey())) {
      // R13-CONTEST: the window is the applicant's right; its end is shown, its lapse closes the request
      task.setDueDate(parties.contestWindowEnds(task.getExecution()));
    }
    if (ANSWER_SCOPE_TASKS.contains(task.getTaskDefinitionKey())) {
      // the period is the sub-process's: every task inside shows its due date
      deadlines.periodDue(task.getProcessInstanceId(), ANSWER_SCOPE).map(Date::from).ifPresent(task::setDueDate);
    }
  }

  /** Refuses a bad completion with a clear message (400): the task stays open, nothing is written. */
  void taskCompleting(DelegateTask task) {
    Caller actor = callers.engineActor();
    ShareRequest request = parties.request(task.getExecution());
    checks.completing(task, request, mapper.findAnswerPeriod(request.id()), actor);
    String key = task.getTaskDefinitionKey();
    requests.step(request.id(), key, task.getName(), actor == null ? null : actor.userId(),
        actor == null ? null : actor.name(), actor == null ? null : actor.department(), outcomeOf(task),
        commentOf(task), task.getId());
  }

  /** R13, national 21: the answer period starts when the request first reaches the provider; a new round keeps it. */
  void answerPeriodStarts(DelegateExecution execution) {
    mapper.startAnswerPeriod(parties.request(execution).id(), clock.instant());
    ROUND_VARIABLES.forEach(execution::removeVariable);
  }

  void withdrawn(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    boolean byApplicant = Boolean.TRUE.equals(execution.getVariable("withdraw"));
    // the reason as written (≤ 2000, the column): the step and the audit say which way it was withdrawn
    String reason = byApplicant
        ? StringUtils.defaultIfBlank((String) execution.getVariable("supplement"), "申请部门撤回申请")
        : (String) execution.getVariable("applicantHeadComment");
    lifecycle.apply(request.id(), RequestEvent.WITHDRAWN_BY_APPLICANT, null, reason);
    requests.step(request.id(), "withdrawn", byApplicant ? "申请部门撤回申请" : "申请部门负责人不同意提出申请",
        RequestLifecycle.PLATFORM, "共享平台", null, "WITHDRAWN", reason, null);
    if (byApplicant) {
      requests.notifyDepartment(request.providerDept(), request, "申请已撤回", reason);
    }
    execution.setVariable(OUTCOME, "WITHDRAWN");
  }

  /** National art. 21: everything missing is listed at once, once; not a refusal, the request waits for the applicant. */
  void incomplete(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    if (mapper.countIncompleteNotice(request.id()) != 1) {
      throw new FormRejection("answerAction", "申请材料不齐全的，应当一次性告知（《政务数据共享条例》第二十一条）");
    }
    String missing = (String) execution.getVariable("missingMaterials");
    lifecycle.apply(request.id(), RequestEvent.MATERIALS_INCOMPLETE, null, missing);
    requests.notifyApplicant(request, "申请材料不齐全，请一次性补充",
        "需要补充的材料：" + missing + "（《政务数据共享条例》第二十一条）");
  }

  /** National art. 21: complete materials received: the answer period restarts, once, and its extensions lapse. */
  void supplemented(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    if (mapper.restartAnswerPeriod(request.id(), clock.instant()) != 1) {
      throw new IllegalStateException("answer period of request " + request.id() + " restarts only once");
    }
    lifecycle.apply(request.id(), RequestEvent.MATERIALS_SUPPLEMENTED, null, null);
    requests.notifyDepartment(request.providerDept(), request, "申请部门已补充材料",
        (String) execution.getVariable("supplement"));
  }

  /** Article 21: an approved extension moves the answer period and the applicant is told; a refusal keeps it. */
  void answerExtensionDecided(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    int days = ((Number) execution.getVariable("extensionDays")).intValue();
    if (Boolean.TRUE.equals(execution.getVariable("extensionApproved"))) {
      int max = policy.limit("R13-EXT").amount();
      if (mapper.extendAnswerPeriod(request.id(), days, max) != 1) {
        throw new FormRejection("extensionDays", "答复期限累计延长不能超过" + max + "个工作日（"
            + policy.limit("R13-EXT").citation() + "）");
      }
      int total = mapper.findAnswerPeriod(request.id()).extensionDays();
      deadlines.periodChanged(execution.getProcessInstanceId(), ANSWER_SCOPE,
          "答复期限经共享主管部门同意延长" + days + "个工作日（" + policy.limit("R13-EXT").citation() + "）");
      requests.notifyApplicant(request, "答复期限延长" + days + "个工作日",
          "经共享主管部门同意，提供部门答复期限延长" + days + "个工作日（累计" + total + "个工作日，《政务数据共享条例》第二十一条）。理由："
              + execution.getVariable("extensionReason"));
    } else {
      requests.notifyDepartment(request.providerDept(), request, "答复延期未获同意",
          "请按原期限答复。意见：" + execution.getVariable("extensionComment"));
    }
  }

  void delivered(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    requests.notifyApplicant(request, "数据已交付",
        StringUtils.defaultIfBlank((String) execution.getVariable("deliveryNote"), "提供部门已确认交付"));
  }

  /** R17: the grant states scope and purpose; issued in the name of whoever completed the answer. */
  void granted(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    List<String> scope = ShareTaskChecks.split((String) execution.getVariable("grantScope"));
    Grant grant = requests.issueGrants(request, scope,
        ShareTaskChecks.parseDate((String) execution.getVariable("grantValidUntil")));
    lifecycle.apply(request.id(), RequestEvent.GRANTED_ON_REVIEW, grant.id(), answeredBy(request) + "同意共享");
    execution.setVariable(OUTCOME, "GRANTED");
    platformAnswerToProvider(execution, request, "共享平台已直接授权", "授权范围："
        + (scope.isEmpty() ? "全部数据项" : String.join("、", scope)));
  }

  void refused(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    String reason = (String) execution.getVariable("denialReason");
    lifecycle.apply(request.id(), RequestEvent.REFUSED_ON_REVIEW, null, reason);
    execution.setVariable(OUTCOME, "REFUSED");
    platformAnswerToProvider(execution, request, "共享平台不予授权", "理由：" + reason);
  }

  void checkFailed(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    lifecycle.apply(request.id(), RequestEvent.CHECK_FAILED, null, (String) execution.getVariable("checkComment"));
    execution.setVariable(OUTCOME, "CHECK_FAILED");
  }

  /** R14: the applicant learns the answer in every outcome. */
  void notifyApplicant(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    switch ((String) execution.getVariable(OUTCOME)) {
      case "GRANTED" -> requests.notifyApplicant(request, "同意共享", "授权范围："
          + StringUtils.defaultIfBlank((String) execution.getVariable("grantScope"), "全部数据项"));
      case "REFUSED" -> requests.notifyApplicant(request, "不予共享",
          "理由：" + execution.getVariable("denialReason") + "。可在" + policy.limit("R13-CONTEST").amountText()
              + "内提出异议，逾期未提出的视为接受。");
      default -> requests.notifyApplicant(request, "规范性审查未通过", "理由：" + execution.getVariable("checkComment"));
    }
  }

  void contested(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    String reason = (String) execution.getVariable("contestReason");
    ShareRequest disputed = lifecycle.applyAndRead(request.id(), RequestEvent.CONTESTED, null, reason);
    requests.handToDispute(disputed, reason);
  }

  /** R13-CONTEST: accepted, or the window lapsed — 申请部门未提出异议，视为接受; no breach, nothing left open. */
  void refusalAccepted(DelegateExecution execution) {
    ShareRequest request = parties.request(execution);
    boolean lapsed = !(execution.getVariable("contest") instanceof Boolean);
    String reason = lapsed ? "申请部门未在" + policy.limit("R13-CONTEST").amountText() + "内提出异议，视为接受"
        : "申请部门接受不予共享的答复";
    lifecycle.apply(request.id(), RequestEvent.REFUSAL_ACCEPTED, null, request.outcomeReason());
    requests.step(request.id(), "refusalAccepted", "不予共享办结", lapsed ? RequestLifecycle.PLATFORM : null,
        lapsed ? "共享平台" : null, null, "REFUSED", reason, null);
  }

  private String answeredBy(ShareRequest request) {
    return ShareRequests.ROUTE_DIRECT.equals(mapper.findRoute(request.id())) ? "共享平台" : "提供部门";
  }

  /** R15, hubei 12, 21: where the platform authorised directly, the provider is told the result. */
  private void platformAnswerToProvider(DelegateExecution execution, ShareRequest request, String subject,
      String detail) {
    if (ShareRequests.ROUTE_DIRECT.equals(mapper.findRoute(request.id()))) {
      requests.notifyDepartment(request.providerDept(), request, subject, detail + "（"
          + policy.limit("R15").citation() + "）");
    }
  }

  private static String outcomeOf(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case "normativeCheck" -> Boolean.TRUE.equals(task.getVariable("checkPassed")) ? "审查通过" : "审查不通过";
      case "applicantReview" -> Boolean.TRUE.equals(task.getVariable("contest")) ? "提出异议" : "接受结果";
      case "applicantHeadSignOff" -> Boolean.TRUE.equals(task.getVariable("applicantHeadApproved")) ? "同意申请" : "不同意";
      case "providerHeadSignOff" -> Boolean.TRUE.equals(task.getVariable("providerHeadApproved")) ? "同意答复" : "退回";
      case "supplementMaterials" -> Boolean.TRUE.equals(task.getVariable("withdraw")) ? "撤回申请" : "已补充材料";
      case "approveAnswerExtension" -> Boolean.TRUE.equals(task.getVariable("extensionApproved")) ? "同意延期" : "不同意延期";
      case "deliverData" -> "已交付";
      case "providerAuthorization" -> switch (String.valueOf(task.getVariable("answerAction"))) {
        case "INCOMPLETE" -> "材料不齐全";
        case "EXTEND" -> "申请延期";
        default -> Boolean.TRUE.equals(task.getVariable("approved")) ? APPROVED : REFUSED;
      };
      default -> Boolean.TRUE.equals(task.getVariable("approved")) ? APPROVED : REFUSED;
    };
  }

  private static String commentOf(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case "normativeCheck" -> (String) task.getVariable("checkComment");
      case "applicantReview" -> (String) task.getVariable("contestReason");
      case "applicantHeadSignOff" -> (String) task.getVariable("applicantHeadComment");
      case "providerHeadSignOff" -> (String) task.getVariable("providerHeadComment");
      case "supplementMaterials" -> (String) task.getVariable("supplement");
      case "approveAnswerExtension" -> (String) task.getVariable("extensionComment");
      case "deliverData" -> (String) task.getVariable("deliveryNote");
      case "providerAuthorization" -> switch (String.valueOf(task.getVariable("answerAction"))) {
        case "INCOMPLETE" -> "需要补充：" + task.getVariable("missingMaterials");
        case "EXTEND" -> "延长" + task.getVariable("extensionDays") + "个工作日：" + task.getVariable("extensionReason");
        default -> answerComment(task);
      };
      default -> answerComment(task);
    };
  }

  private static String answerComment(DelegateTask task) {
    return Boolean.TRUE.equals(task.getVariable("approved"))
        ? "授权范围：" + StringUtils.defaultIfBlank((String) task.getVariable("grantScope"), "全部数据项")
        : (String) task.getVariable("denialReason");
  }
}
