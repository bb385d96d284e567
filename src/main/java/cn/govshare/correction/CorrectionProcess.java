package cn.govshare.correction;

import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.policy.ActivePolicy;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What data-correction does at each step: completion checks (an extension of 1..15 WD, never more than
 * the profile's maximum in all, R22), extensions moving the due date, and the user told every time.
 */
@Service
class CorrectionProcess {

  static final Set<String> OUTCOMES = Set.of("CORRECTED", "NO_ERROR", "NEED_EXTENSION");
  static final String EXTENSION_RULE = "R22-EXT";

  private final Corrections corrections;
  private final ActivePolicy policy;
  private final Notifications notifications;
  private final CallerResolver callers;
  private final Clock clock;

  CorrectionProcess(Corrections corrections, ActivePolicy policy, Notifications notifications, CallerResolver callers,
      Clock clock) {
    this.corrections = corrections;
    this.policy = policy;
    this.notifications = notifications;
    this.callers = callers;
    this.clock = clock;
  }

  void taskCompleting(DelegateTask task) {
    Caller actor = callers.engineActor();
    String outcome;
    String comment;
    if ("verifyData".equals(task.getTaskDefinitionKey())) {
      Object value = task.getVariable("outcome");
      if (!(value instanceof String o) || !OUTCOMES.contains(o)) {
        throw new ProcessEngineException("校核结果须为 CORRECTED、NO_ERROR 或 NEED_EXTENSION（outcome）: " + value);
      }
      outcome = o;
      if ("NEED_EXTENSION".equals(o)) {
        int days = extensionDays(task.getVariable("extensionDays"));
        comment = text(task, "extensionReason", "申请延期须说明理由（extensionReason）");
        if (!policy.has(EXTENSION_RULE)) {
          throw new ProcessEngineException("现行办法（" + policy.profile().title() + "）未规定校核延期，不能申请延期");
        }
        int max = policy.limit(EXTENSION_RULE).amount();
        int used = ((Number) task.getVariable("verifyDataExtensionDays")).intValue();
        if (used + days > max) {
          throw new ProcessEngineException("延期累计不得超过" + max + "个工作日（R22，" + policy.limit(EXTENSION_RULE)
              .citationText() + "）：已延期" + used + "个工作日，本次申请" + days + "个工作日");
        }
        comment = "申请延期" + days + "个工作日：" + comment;
      } else {
        comment = text(task, "correctionNote", "CORRECTED".equals(o) ? "须说明更正情况（correctionNote）"
            : "须说明核实无误的依据（correctionNote）");
      }
    } else if ("approveExtension".equals(task.getTaskDefinitionKey())) {
      if (!(task.getVariable("extensionApproved") instanceof Boolean approved)) {
        throw new ProcessEngineException("请填写是否同意延期（extensionApproved）");
      }
      outcome = approved ? "同意延期" : "不同意延期";
      Object headComment = task.getVariable("headComment");
      if (!approved && (!(headComment instanceof String s) || s.isBlank())) {
        throw new ProcessEngineException("不同意延期须说明意见（headComment）");
      }
      comment = headComment instanceof String s ? s : null;
    } else {
      return;
    }
    corrections.step(id(task.getVariable("correctionId")), task.getTaskDefinitionKey(), task.getName(),
        actor == null ? null : actor.userId(), actor == null ? null : actor.department(), outcome, comment);
  }

  /** Approved: the verify task returns with its due date moved by the extension (R22, 告知使用部门). */
  void applyExtension(DelegateExecution execution) {
    long id = id(execution.getVariable("correctionId"));
    int days = extensionDays(execution.getVariable("extensionDays"));
    int total = ((Number) execution.getVariable("verifyDataExtensionDays")).intValue() + days;
    execution.setVariable("verifyDataExtensionDays", total);
    corrections.mapper().addExtension(id, days);
    Correction correction = corrections.mapper().find(id);
    notifications.notifyGroup(correction.reporterDept(), "CORRECTION_EXTENDED",
        "校核期限延长" + days + "个工作日: " + correction.resourceName(),
        "提供部门负责人已同意延期，累计延期" + total + "个工作日。理由：" + execution.getVariable("extensionReason"),
        "CORRECTION", String.valueOf(id));
    corrections.step(id, "extensionApplied", "延期生效并告知使用部门", "system", null, "延期" + days + "个工作日",
        "累计" + total + "个工作日");
  }

  void extensionRejected(DelegateExecution execution) {
    long id = id(execution.getVariable("correctionId"));
    corrections.step(id, "extensionRejected", "延期未获同意，按原期限校核", "system", null, "原期限",
        (String) execution.getVariable("headComment"));
  }

  /** R22: the provider tells the user the result. */
  void recordResult(DelegateExecution execution) {
    long id = id(execution.getVariable("correctionId"));
    CorrectionStatus status = CorrectionStatus.valueOf((String) execution.getVariable("outcome"));
    String note = (String) execution.getVariable("correctionNote");
    corrections.mapper().close(id, status, note, clock.instant());
    Correction correction = corrections.mapper().find(id);
    notifications.notifyGroup(correction.reporterDept(), "CORRECTION_RESULT",
        (status == CorrectionStatus.CORRECTED ? "数据已更正: " : "经核实数据无误: ") + correction.resourceName(),
        correction.recordLocator() + "：" + note, "CORRECTION", String.valueOf(id));
    corrections.step(id, "resultNotified", "告知使用部门校核结果", "system", null, status.name(), note);
  }

  private static int extensionDays(Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long days = n.longValue();
      if (days >= 1 && days <= 15) {
        return (int) days;
      }
    }
    throw new ProcessEngineException("延期天数须为 1 至 15 的整数个工作日（extensionDays）: " + value);
  }

  private static String text(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ProcessEngineException(message);
    }
    return s.strip();
  }

  private static long id(Object value) {
    return ((Number) value).longValue();
  }
}
