package cn.govshare.sharing;

import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What the conditional-share-request process does at each step (called by its delegates and its task
 * listener): completion checks (R12, R13: a refusal states its reasons), grants, outcomes, R14 notices.
 */
@Service
class ShareRequestProcess {

  static final String OUTCOME = "outcome";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ShareRequests requests;
  private final Grants grants;
  private final CatalogService catalog;
  private final CallerResolver callers;

  ShareRequestProcess(ShareRequests requests, Grants grants, CatalogService catalog, CallerResolver callers) {
    this.requests = requests;
    this.grants = grants;
    this.catalog = catalog;
    this.callers = callers;
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
      case "providerAuthorization", "directAuthorization" -> {
        notApplicant(actor, applicantDept);
        boolean approved = bool(task, "approved", "请填写审核结论");
        if (!approved) {
          text(task, "denialReason", "不予共享须说明理由 (R13)");
        } else {
          scope(task);
          validUntil(task);
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
    ShareRequest request = requests.require(requestId(task));
    requests.step(request.id(), key, task.getName(), actor == null ? null : actor.userId(),
        actor == null ? null : actor.name(), actor == null ? null : actor.department(), outcomeOf(task),
        commentOf(task), task.getId());
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
      default -> Boolean.TRUE.equals(task.getVariable("approved")) ? "同意共享" : "不予共享";
    };
  }

  private static String commentOf(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case "normativeCheck" -> (String) task.getVariable("checkComment");
      case "applicantReview" -> (String) task.getVariable("contestReason");
      default -> Boolean.TRUE.equals(task.getVariable("approved"))
          ? "授权范围：" + StringUtils.defaultIfBlank((String) task.getVariable("grantScope"), "全部数据项")
          : (String) task.getVariable("denialReason");
    };
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
