package cn.govshare.correction;

import cn.govshare.FormRejection;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.trust.TaskFormFields;
import cn.govshare.policy.TimeLimit;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Every check on completing a data-correction task, in one place (issue 19). The case comes from its record
 * (issue 18): only the task's own form fields are accepted, only the provider verifies and only its head
 * decides an extension; limits come from the policy profile; texts longer than their column are refused, never
 * cut (issue 18 class 7). The decision is one transition; the round's form values are then removed, so a
 * returned task opens empty (issue 19 item 8).
 */
@Component
class CorrectionTaskChecks {

  static final String VERIFY = "verifyData";
  static final String APPROVE = "approveExtension";
  static final String VERIFY_RULE = "R22";
  static final String EXTENSION_RULE = "R22-EXT";
  /** gs_correction.result_note, gs_correction.extension_reason and gs_correction_step.comment. */
  static final int TEXT_COLUMN = 2000;
  /** The reporter's evidence files, kept by the engine (Corrections.report). */
  static final Pattern ATTACHMENT = Pattern.compile(Corrections.ATTACHMENT_VARIABLE + "[0-9]+");

  private final CorrectionCases cases;
  private final CorrectionTransitions transitions;
  private final ActivePolicy policy;
  private final CallerResolver callers;
  private final Clock clock;

  CorrectionTaskChecks(CorrectionCases cases, CorrectionTransitions transitions, ActivePolicy policy,
      CallerResolver callers, Clock clock) {
    this.cases = cases;
    this.transitions = transitions;
    this.policy = policy;
    this.callers = callers;
    this.clock = clock;
  }

  void completing(DelegateTask task) {
    Correction correction = cases.of(task.getProcessInstanceId());
    String key = task.getTaskDefinitionKey();
    // the deployed form is the one list of the task's own fields (the engine guard reads the same)
    Set<String> fields = TaskFormFields.keys(task.getId());
    onlyOwnFields(task, fields);
    Caller actor = callers.engineActor();
    if (VERIFY.equals(key)) {
      // R22: the provider department verifies
      requireMember(actor, correction.providerDept(), "数据校核须由提供部门（" + correction.providerDept() + "）办理（R22）");
      verify(task, correction);
    } else {
      // R22: an extension needs the provider head's approval (负责人同意)
      String head = Groups.head(correction.providerDept());
      requireMember(actor, head, "延长校核期限须经提供部门负责人（" + head + "）同意（R22）");
      approve(task, correction);
    }
    for (String field : fields) {
      task.removeVariable(field);
    }
  }

  private void verify(DelegateTask task, Correction correction) {
    Object outcome = task.getVariable("outcome");
    if ("NEED_EXTENSION".equals(outcome)) {
      int days = extensionDays(task.getVariable("extensionDays"), correction);
      String reason = text(task, "extensionReason", "申请延期须说明理由");
      transitions.fire(correction, CorrectionEvent.REQUEST_EXTENSION, "延期" + days + "个工作日", reason,
          c -> c.withRequest(days, reason));
    } else if ("CORRECTED".equals(outcome) || "NO_ERROR".equals(outcome)) {
      boolean corrected = "CORRECTED".equals(outcome);
      String note = text(task, "correctionNote", corrected ? "须说明更正情况" : "须说明核实无误的依据");
      transitions.fire(correction, corrected ? CorrectionEvent.CORRECT : CorrectionEvent.CONFIRM_NO_ERROR,
          (String) outcome, note, c -> c.withResult(note, clock.instant()));
    } else {
      throw new FormRejection("outcome", "校核结果须为 CORRECTED、NO_ERROR 或 NEED_EXTENSION: " + outcome);
    }
  }

  private void approve(DelegateTask task, Correction correction) {
    if (!(task.getVariable("extensionApproved") instanceof Boolean approved)) {
      throw new FormRejection("extensionApproved", "请填写是否同意延期");
    }
    String comment = approved ? optionalText(task, "headComment") : text(task, "headComment", "不同意延期须说明意见");
    if (approved) {
      // the profile may have changed since the request: the total is checked again against the cap in force
      withinCap(correction, correction.requestedExtensionDays() == null ? 0 : correction.requestedExtensionDays());
    }
    transitions.fire(correction, approved ? CorrectionEvent.APPROVE_EXTENSION : CorrectionEvent.REFUSE_EXTENSION,
        approved ? "同意延期" : "不同意延期", comment, c -> c);
  }

  /** R22: whole working days, at least one, and all extensions together within the profile's cap. */
  private int extensionDays(Object value, Correction correction) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1) {
      throw new FormRejection("extensionDays", "延期天数须为不少于1的整数个工作日: " + value);
    }
    long days = n.longValue();
    withinCap(correction, days);
    return (int) days;
  }

  private void withinCap(Correction correction, long days) {
    if (!policy.has(EXTENSION_RULE)) {
      TimeLimit verify = policy.limit(VERIFY_RULE);
      throw new FormRejection("extensionDays", "现行办法（" + policy.profile().title() + "）未规定校核延期，须在"
          + verify.amountText() + "内完成校核（R22，" + verify.citationText() + "）");
    }
    TimeLimit cap = policy.limit(EXTENSION_RULE);
    if (correction.extensionDays() + days > cap.amount()) {
      throw new FormRejection("extensionDays", "延期累计不得超过" + cap.amountText() + "（R22，" + cap.citationText()
          + "）：已延期" + correction.extensionDays() + "个工作日，本次申请" + days + "个工作日");
    }
  }

  /** Issue 18: a completion carries the task's own form fields and nothing else (no ids, parties or totals). */
  private static void onlyOwnFields(DelegateTask task, Set<String> fields) {
    Set<String> allowed = new LinkedHashSet<>(fields);
    allowed.addAll(task.getVariableNamesLocal());
    for (String name : task.getVariableNames()) {
      if (!allowed.contains(name) && !ATTACHMENT.matcher(name).matches()) {
        throw new FormRejection(name, "「" + name + "」不是本任务表单的字段，不予接受；案件的当事部门、期限和延期以平台记录为准");
      }
    }
  }

  private static void requireMember(Caller actor, String group, String message) {
    if (actor == null || !actor.isMember(group)) {
      throw new FormRejection(null, message);
    }
  }

  private static String text(DelegateTask task, String field, String message) {
    String value = optionalText(task, field);
    if (value == null) {
      throw new FormRejection(field, message);
    }
    return value;
  }

  /** Stripped text within its column, or null when blank; longer is refused, never cut. */
  private static String optionalText(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new FormRejection(field, "须为文本");
    }
    String stripped = s.strip();
    if (stripped.length() > TEXT_COLUMN) {
      throw new FormRejection(field, "不能超过" + TEXT_COLUMN + "个字符（现为" + stripped.length() + "个），请精简后再提交");
    }
    return stripped.isEmpty() ? null : stripped;
  }
}
