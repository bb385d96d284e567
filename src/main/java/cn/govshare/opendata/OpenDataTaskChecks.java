package cn.govshare.opendata;

import cn.govshare.FormRejection;
import cn.govshare.clock.Zones;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import cn.govshare.trust.CaseProcessListeners;
import cn.govshare.trust.TaskFormFields;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The provider's answer ({@code openDataReview}, R25; nanchang 21): what the form shows (set task-locally when the
 * task is created, from the row and the profile; no personal data of the applicant) and every check on completing
 * it. Only a member of the provider department answers; only the form's own fields are accepted; a refusal states
 * its reasons, an approval tells the applicant how to get the data.
 */
@Component
class OpenDataTaskChecks implements CaseProcessListeners.TaskChecks {

  static final String REVIEW = "openDataReview";
  static final String RULE = "R25";
  static final int TEXT_COLUMN = 1000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Zones.SHANGHAI);

  private final OpenDataCases cases;
  private final OpenDataTransitions transitions;
  private final ActivePolicy policy;
  private final CallerResolver callers;
  private final Notifications notifications;
  private final Clock clock;

  OpenDataTaskChecks(OpenDataCases cases, OpenDataTransitions transitions, ActivePolicy policy,
      CallerResolver callers, Notifications notifications, Clock clock) {
    this.notifications = notifications;
    this.cases = cases;
    this.transitions = transitions;
    this.policy = policy;
    this.callers = callers;
    this.clock = clock;
  }

  @Override
  public void creating(DelegateTask task) {
    OpenDataRequest request = cases.of(task.getProcessInstanceId());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("requestKey", request.businessKey());
    view.put("resourceText", request.resourceName() + "（" + request.resourceCode() + "）");
    view.put("purposeText", request.purpose());
    view.put("useText", request.intendedUse());
    view.put("shareModesText", request.shareModes());
    view.put("periodHint", periodHint(request));
    view.put("applicantHint", "申请人身份信息不在表单中，经 GET /api/open-data-requests/" + request.id()
        + "/applicant 查阅（仅本部门和监督人员，每次查阅留痕）");
    task.setVariablesLocal(view);
  }

  /** e.g. 答复期限：5个工作日（…第二十一条），自 2025年10月9日 收到申请之日起算. */
  String periodHint(OpenDataRequest request) {
    TimeLimit limit = policy.limit(RULE);
    return "答复期限：" + limit.amountText() + "（" + limit.citationText() + "），自" + DAY.format(request.submittedAt())
        + "收到申请之日起算";
  }

  @Override
  public void completing(DelegateTask task) {
    OpenDataRequest request = cases.of(task.getProcessInstanceId());
    Set<String> fields = TaskFormFields.keys(task.getId());
    // issue 18: a completion carries the task's own form fields and nothing else (no provider, applicant or limit)
    Set<String> allowed = new HashSet<>(fields);
    allowed.addAll(task.getVariableNamesLocal());
    for (String name : task.getVariableNames()) {
      if (!allowed.contains(name)) {
        throw new FormRejection(name, "「" + name + "」不是本任务表单的字段，不予接受；申请人、提供部门和期限以平台记录为准");
      }
    }
    Caller actor = callers.engineActor();
    if (actor == null || !actor.belongsTo(request.provider()) && !actor.isMember(request.provider())) {
      throw new FormRejection(null, "开放数据申请由资源的提供部门（" + request.provider() + "）答复（R25）");
    }
    if (!(task.getVariable("approved") instanceof Boolean approved)) {
      throw new FormRejection("approved", "请选择是否同意开放");
    }
    OpenDataRequest answered;
    String told;
    if (approved) {
      String access = text(task, "accessDescription", "同意开放须写明获取方式（下载地址或接口访问说明）");
      answered = transitions.fire(request, OpenDataEvent.APPROVE, null,
          r -> r.withAnswer(clock.instant(), actor.userId(), null, access));
      told = "同意开放。获取方式：" + access;
    } else {
      String reason = text(task, "denialReason", "不同意开放须说明理由（R25，南昌第二十一条）");
      answered = transitions.fire(request, OpenDataEvent.REFUSE, reason,
          r -> r.withAnswer(clock.instant(), actor.userId(), reason, null));
      told = "不同意开放。理由：" + reason;
    }
    // the portal shows the answer; a mail goes to the verified address as well
    notifications.notifyUser(answered.applicant(), "OPEN_DATA_ANSWER", "开放数据申请已答复：" + answered.resourceName(),
        answered.businessKey() + " " + told, OpenDataTransitions.AUDIT_TYPE, String.valueOf(answered.id()));
    for (String field : fields) {
      task.removeVariable(field);
    }
  }

  private static String text(DelegateTask task, String field, String message) {
    Object value = task.getVariable(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new FormRejection(field, message);
    }
    if (text.length() > TEXT_COLUMN) {
      throw new FormRejection(field, field + " 不能超过 " + TEXT_COLUMN + " 个字符（现为 " + text.length() + " 个）");
    }
    return text.strip();
  }
}
