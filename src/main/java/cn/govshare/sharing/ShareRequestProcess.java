package cn.govshare.sharing;

import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * What the conditional-share-request process does at each step (called by its delegates and its task
 * listener): completion checks (R12, R13: a refusal states its reasons), grants, outcomes, R14 notices.
 */
@Service
class ShareRequestProcess {

  static final String OUTCOME = "outcome";
  static final String ANSWER_RECEIVED_AT = "providerAuthorizationReceivedAt";
  static final String ANSWER_EXTENSION_DAYS = "providerAuthorizationExtensionDays";
  /** Form answers of one round of the provider's answer, cleared when the provider's task opens again. */
  private static final List<String> ROUND_VARIABLES = List.of("answerAction", "missingMaterials", "extensionDays",
      "extensionReason", "extensionApproved", "extensionComment", "providerHeadApproved", "providerHeadComment");
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ShareRequests requests;
  private final Grants grants;
  private final CatalogService catalog;
  private final CallerResolver callers;
  private final ActivePolicy policy;

  ShareRequestProcess(ShareRequests requests, Grants grants, CatalogService catalog, CallerResolver callers,
      ActivePolicy policy) {
    this.requests = requests;
    this.grants = grants;
    this.catalog = catalog;
    this.callers = callers;
    this.policy = policy;
  }

  /** Shows the due date on the form as text (Tasklist must never write a Date back). */
  void taskCreated(DelegateTask task) {
    if (task.getDueDate() != null) {
      task.setVariableLocal("dueText", DUE.format(task.getDueDate().toInstant().atZone(Zones.SHANGHAI)) + " 前办结");
    } else {
      task.setVariableLocal("dueText", "未规定时限");
    }
  }

  /** Refuses a bad completion with a clear message: the task stays open, nothing is written. */
  void taskCompleting(DelegateTask task) {
    Caller actor = callers.engineActor();
    String applicantDept = (String) task.getVariable("applicantDept");
    String key = task.getTaskDefinitionKey();
    switch (key) {
      case "normativeCheck" -> {
        notApplicant(actor, applicantDept);
        boolean passed = bool(task, "checkPassed", "请填写审查结论");
        if (!passed) {
          text(task, "checkComment", "审查不通过须说明理由 (R12)");
        }
      }
      case "providerAuthorization" -> {
        notApplicant(actor, applicantDept);
        switch (answerAction(task)) {
          case "INCOMPLETE" -> text(task, "missingMaterials", "须一次性列明需要补充的全部材料（第二十一条）");
          case "EXTEND" -> extensionRequest(task);
          default -> answer(task);
        }
      }
      case "directAuthorization" -> {
        notApplicant(actor, applicantDept);
        answer(task);
      }
      case "unconditionalShare" -> {
        notApplicant(actor, applicantDept);
        if (!Boolean.TRUE.equals(task.getVariable("approved"))) {
          throw new ProcessEngineException("无条件共享类数据应当予以共享，请确认共享（《政务数据共享条例》第二十一条）（approved）");
        }
        scope(task);
        validUntil(task);
      }
      case "applicantHeadSignOff" -> {
        head(actor, applicantDept);
        if (!bool(task, "applicantHeadApproved", "请填写负责人意见")) {
          text(task, "applicantHeadComment", "不同意须说明理由");
        }
      }
      case "providerHeadSignOff" -> {
        head(actor, (String) task.getVariable("providerDept"));
        if (!bool(task, "providerHeadApproved", "请填写负责人意见")) {
          text(task, "providerHeadComment", "退回须说明理由");
        }
      }
      case "supplementMaterials" -> {
        if (actor != null && !actor.belongsTo(applicantDept)) {
          throw new ProcessEngineException("只有申请部门可以补充材料或撤回申请");
        }
        if (!Boolean.TRUE.equals(task.getVariable("withdraw"))) {
          text(task, "supplement", "请说明补充的材料");
        }
      }
      case "approveAnswerExtension" -> {
        notApplicant(actor, applicantDept);
        if (!bool(task, "extensionApproved", "请填写审批意见")) {
          text(task, "extensionComment", "不同意延期须说明理由");
        }
      }
      case "deliverData" -> {
        notApplicant(actor, applicantDept);
        if (!Boolean.TRUE.equals(task.getVariable("delivered"))) {
          throw new ProcessEngineException("数据交付后再确认办结（《政务数据共享条例》第二十二条）（delivered）");
        }
      }
      case "applicantReview" -> {
        if (actor != null && !actor.belongsTo(applicantDept)) {
          throw new ProcessEngineException("只有申请部门可以确认或提出异议");
        }
        if (bool(task, "contest", "请选择是否提出异议")) {
          text(task, "contestReason", "提出异议须说明理由 (R18)");
        }
      }
      default -> {
      }
    }
    if ("providerAuthorization".equals(key)) {
      // what the provider's head reads before signing off (article 20)
      task.setVariable("answerSummary", outcomeOf(task) + "；" + StringUtils.defaultString(commentOf(task)));
    }
    ShareRequest request = requests.require(requestId(task));
    requests.step(request.id(), key, task.getName(), actor == null ? null : actor.userId(),
        actor == null ? null : actor.name(), actor == null ? null : actor.department(), outcomeOf(task),
        commentOf(task), task.getId());
  }

  /** The answer period starts when the request first reaches the provider; a new round keeps it. */
  void answerPeriodStarts(DelegateExecution execution) {
    if (execution.getVariable(ANSWER_RECEIVED_AT) == null) {
      execution.setVariable(ANSWER_RECEIVED_AT, Date.from(requests.clock().instant()));
    }
    ROUND_VARIABLES.forEach(execution::removeVariable);
  }

  void withdrawn(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    String reason = Boolean.TRUE.equals(execution.getVariable("withdraw"))
        ? "申请部门撤回申请：" + StringUtils.defaultIfBlank((String) execution.getVariable("supplement"), "未补充材料")
        : "申请部门负责人不同意提出申请：" + execution.getVariable("applicantHeadComment");
    requests.mapper().updateOutcome(request.id(), RequestStatus.WITHDRAWN, null, reason, requests.clock().instant());
    requests.step(request.id(), "withdrawn", "申请撤回", "system", "共享平台", null, "WITHDRAWN", reason, null);
    if (Boolean.TRUE.equals(execution.getVariable("withdraw"))) {
      requests.notifyDepartment(request.providerDept(), request, "申请已撤回", reason);
    }
    execution.setVariable(OUTCOME, "WITHDRAWN");
  }

  /** Article 21: everything missing is listed at once; not a refusal, the request waits for the applicant. */
  void incomplete(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    String missing = (String) execution.getVariable("missingMaterials");
    requests.mapper().updateOutcome(request.id(), RequestStatus.INCOMPLETE, null, "申请材料不齐全：" + missing, null);
    requests.notifyApplicant(request, "申请材料不齐全，请一次性补充",
        "需要补充的材料：" + missing + "（《政务数据共享条例》第二十一条）");
  }

  /** Complete materials received: a new answer period starts, extensions of the old one lapse. */
  void supplemented(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    requests.mapper().updateOutcome(request.id(), RequestStatus.IN_REVIEW, null, null, null);
    execution.removeVariable(ANSWER_RECEIVED_AT);
    execution.removeVariable(ANSWER_EXTENSION_DAYS);
    requests.notifyDepartment(request.providerDept(), request, "申请部门已补充材料",
        (String) execution.getVariable("supplement"));
  }

  /** Article 21: an approved extension moves the answer period and the applicant is told; a refusal keeps it. */
  void answerExtensionDecided(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    int days = ((Number) execution.getVariable("extensionDays")).intValue();
    if (Boolean.TRUE.equals(execution.getVariable("extensionApproved"))) {
      int total = extensionDaysUsed(execution) + days;
      execution.setVariable(ANSWER_EXTENSION_DAYS, total);
      requests.notifyApplicant(request, "答复期限延长" + days + "个工作日",
          "经共享主管部门同意，提供部门答复期限延长" + days + "个工作日（累计" + total + "个工作日，《政务数据共享条例》第二十一条）。理由："
              + execution.getVariable("extensionReason"));
    } else {
      requests.notifyDepartment(request.providerDept(), request, "答复延期未获同意",
          "请按原期限答复。意见：" + execution.getVariable("extensionComment"));
    }
  }

  void delivered(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    requests.notifyApplicant(request, "数据已交付",
        StringUtils.defaultIfBlank((String) execution.getVariable("deliveryNote"), "提供部门已确认交付"));
  }

  void granted(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    List<String> scope = split((String) execution.getVariable("grantScope"));
    LocalDate validUntil = parseDate((String) execution.getVariable("grantValidUntil"));
    Grant grant = grants.issue(request.applicantDept(), request.resourceCode(), scope, request.purpose(), validUntil,
        Grants.SOURCE_REQUEST, String.valueOf(request.id()));
    requests.mapper().updateOutcome(request.id(), RequestStatus.GRANTED, grant.id(), "提供部门同意共享",
        requests.clock().instant());
    execution.setVariable(OUTCOME, "GRANTED");
    execution.setVariable("grantId", grant.id());
  }

  void refused(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    String reason = (String) execution.getVariable("denialReason");
    requests.mapper().updateOutcome(request.id(), RequestStatus.REFUSED, null, reason, requests.clock().instant());
    execution.setVariable(OUTCOME, "REFUSED");
  }

  void checkFailed(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    String reason = "规范性审查未通过：" + execution.getVariable("checkComment");
    requests.mapper().updateOutcome(request.id(), RequestStatus.REFUSED, null, reason, requests.clock().instant());
    execution.setVariable(OUTCOME, "CHECK_FAILED");
  }

  /** R14: the applicant learns the answer in every outcome. */
  void notifyApplicant(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    String outcome = (String) execution.getVariable(OUTCOME);
    switch (outcome) {
      case "GRANTED" -> requests.notifyApplicant(request, "同意共享", "授权范围："
          + StringUtils.defaultIfBlank((String) execution.getVariable("grantScope"), "全部数据项"));
      case "REFUSED" -> requests.notifyApplicant(request, "不予共享",
          "理由：" + execution.getVariable("denialReason") + "。可在5个工作日内提出异议。");
      default -> requests.notifyApplicant(request, "规范性审查未通过", "理由：" + execution.getVariable("checkComment"));
    }
  }

  void contested(DelegateExecution execution) {
    ShareRequest request = requests.require(requestId(execution));
    requests.mapper().updateOutcome(request.id(), RequestStatus.DISPUTE, null,
        "申请部门对不予共享提出异议：" + execution.getVariable("contestReason"), null);
    requests.handToDispute(requests.require(request.id()), (String) execution.getVariable("contestReason"));
  }

  private void answer(DelegateTask task) {
    boolean approved = bool(task, "approved", "请填写审核结论");
    if (!approved) {
      text(task, "denialReason", "不予共享须说明理由 (R13)");
    } else {
      scope(task);
      validUntil(task);
    }
  }

  private String answerAction(DelegateTask task) {
    Object value = task.getVariable("answerAction");
    String action = value == null ? "ANSWER" : value.toString();
    String rule = switch (action) {
      case "ANSWER" -> null;
      case "INCOMPLETE" -> "N21-INCOMPLETE";
      case "EXTEND" -> "R13-EXT";
      default -> throw new ProcessEngineException("答复方式须为 ANSWER、INCOMPLETE 或 EXTEND（answerAction）: " + action);
    };
    if (rule != null && !policy.has(rule)) {
      throw new ProcessEngineException("现行办法（" + policy.profile().title() + "）没有此答复方式（answerAction " + action + "）");
    }
    return action;
  }

  private void extensionRequest(DelegateTask task) {
    TimeLimit limit = policy.limit("R13-EXT");
    int max = limit.amount();
    int left = max - extensionDaysUsed(task);
    Object value = task.getVariable("extensionDays");
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new ProcessEngineException("请填写延长的工作日数（extensionDays）");
    }
    int days = number.intValue();
    if (left <= 0) {
      throw new ProcessEngineException("答复期限已延长" + max + "个工作日，不能再延期（" + limit.citation() + "）");
    }
    if (days < 1 || days > left) {
      throw new ProcessEngineException("延长的工作日数须在 1.." + left + " 之间（累计不超过" + max + "个工作日，"
          + limit.citation() + "）（extensionDays）");
    }
    text(task, "extensionReason", "申请延期须说明理由");
  }

  private static int extensionDaysUsed(VariableScope scope) {
    Object used = scope.getVariable(ANSWER_EXTENSION_DAYS);
    return used instanceof Number n ? n.intValue() : 0;
  }

  private static void head(Caller actor, String department) {
    if (actor != null && !actor.isMember(Groups.head(department))) {
      throw new ProcessEngineException("只有" + department + "部门负责人可以签署此意见（第二十条）");
    }
  }

  private void scope(DelegateTask task) {
    List<String> scope = split((String) task.getVariable("grantScope"));
    String code = (String) task.getVariable("resourceCode");
    Set<String> items = catalog.find(code).map(r -> r.items().stream().map(ResourceItem::name)
        .collect(Collectors.toSet())).orElse(Set.of());
    for (String field : scope) {
      if (!items.contains(field)) {
        throw new ProcessEngineException("授权范围中的数据项「" + field + "」不在资源 " + code + " 中");
      }
    }
  }

  private void validUntil(DelegateTask task) {
    Object value = task.getVariable("grantValidUntil");
    if (value != null && !(value instanceof String)) {
      throw new ProcessEngineException("授权有效期须为日期 yyyy-MM-dd");
    }
    LocalDate date = parseDate((String) value);
    if (date != null && !date.isAfter(LocalDate.now(requests.clock().withZone(Zones.SHANGHAI)))) {
      throw new ProcessEngineException("授权有效期须晚于今天");
    }
  }


  private static void notApplicant(Caller actor, String applicantDept) {
    if (actor != null && actor.belongsTo(applicantDept)) {
      throw new ProcessEngineException("申请部门不能审核自己的申请");
    }
  }

  private static boolean bool(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof Boolean b)) {
      throw new ProcessEngineException(message + "（" + name + "）");
    }
    return b;
  }

  private static void text(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ProcessEngineException(message + "（" + name + "）");
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
        default -> Boolean.TRUE.equals(task.getVariable("approved")) ? "同意共享" : "不予共享";
      };
      default -> Boolean.TRUE.equals(task.getVariable("approved")) ? "同意共享" : "不予共享";
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

  private static long requestId(DelegateExecution execution) {
    return ((Number) execution.getVariable("requestId")).longValue();
  }

  private static long requestId(DelegateTask task) {
    return ((Number) task.getVariable("requestId")).longValue();
  }

  private static List<String> split(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static LocalDate parseDate(String value) {
    if (StringUtils.isBlank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("授权有效期须为日期 yyyy-MM-dd: " + value);
    }
  }
}
