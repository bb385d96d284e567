package cn.govshare.supervision;

import cn.govshare.FormRejection;
import cn.govshare.clock.Zones;
import cn.govshare.deadline.Deadlines;
import cn.govshare.org.Caller;
import cn.govshare.org.CallerResolver;
import cn.govshare.org.Groups;
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
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rectification order's two tasks: what each form shows (set task-locally when the task is created, from the
 * row and the profile) and every check on completing it. Only the ordered department's head answers; only the
 * issuer's group reviews, never a member of the department ordered; only the task's own form fields are accepted;
 * the decision is one transition and the round's values are then removed.
 */
@Component
class RectificationTaskChecks implements CaseProcessListeners.TaskChecks {

  static final String ANSWER = "answerRectification";
  static final String REVIEW = "reviewRectification";
  static final String LIMIT_RULE = "R29-RECTIFY";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Zones.SHANGHAI);

  private final RectificationCases cases;
  private final RectificationTransitions transitions;
  private final ViolationMapper violations;
  private final ActivePolicy policy;
  private final CallerResolver callers;
  private final Deadlines deadlines;
  private final Clock clock;

  RectificationTaskChecks(RectificationCases cases, RectificationTransitions transitions, ViolationMapper violations,
      ActivePolicy policy, CallerResolver callers, Deadlines deadlines, Clock clock) {
    this.cases = cases;
    this.transitions = transitions;
    this.violations = violations;
    this.policy = policy;
    this.callers = callers;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void creating(DelegateTask task) {
    RectificationOrder order = cases.of(task.getProcessInstanceId());
    Violation violation = violations.find(order.violationId());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("orderKey", order.businessKey());
    view.put("violationText", violation.kind().chinese() + "：" + violation.summary());
    view.put("violationCitation", violation.citation() + "（" + violation.item() + "）");
    view.put("requirement", order.requirement());
    view.put("issuingBody", order.issuingBody() + "（" + order.citation() + "）");
    view.put("periodHint", periodHint(order));
    view.put("answerText", StringUtils.defaultString(order.answer(), "（尚未报送）"));
    view.put("previousReview", StringUtils.defaultString(order.reviewComment(), "（无）"));
    task.setVariablesLocal(view);
  }

  /** e.g. 整改期限：15个工作日（…），自 2025年10月9日 下达之日起算. */
  String periodHint(RectificationOrder order) {
    TimeLimit limit = policy.limit(LIMIT_RULE);
    return "整改期限：" + limit.amountText() + "（" + limit.citationText() + "），自" + DAY.format(order.issuedAt())
        + "下达之日起算";
  }

  @Override
  public void completing(DelegateTask task) {
    RectificationOrder order = cases.of(task.getProcessInstanceId());
    Set<String> fields = TaskFormFields.keys(task.getId());
    // issue 18: a completion carries the task's own form fields and nothing else (no parties, groups or limits)
    Set<String> allowed = new HashSet<>(fields);
    allowed.addAll(task.getVariableNamesLocal());
    for (String name : task.getVariableNames()) {
      if (!allowed.contains(name) && !RectificationAttachments.NAME.matcher(name).matches()) {
        throw new FormRejection(name, "「" + name + "」不是本任务表单的字段，不予接受；整改的部门、审核机关和期限以平台记录为准");
      }
    }
    Caller actor = callers.engineActor();
    if (ANSWER.equals(task.getTaskDefinitionKey())) {
      String head = Groups.head(order.department());
      require(actor != null && actor.isMember(head), "整改情况须由被责令改正部门的负责人（" + head + "）报送（R29）");
      String measures = text(task, "measures", "须说明整改措施和结果");
      transitions.fire(order, RectificationEvent.ANSWER, null,
          o -> o.withAnswer(measures, clock.instant(), actor.userId()));
    } else {
      require(actor != null && actor.isMember(order.issuerGroup()),
          "整改情况由下达责令改正的机关（" + order.issuerGroup() + "）审核（R29）");
      require(!actor.belongsTo(order.department()), "被责令改正的部门不能审核本部门的整改（R29）");
      if (!(task.getVariable("accepted") instanceof Boolean accepted)) {
        throw new FormRejection("accepted", "请选择整改是否通过");
      }
      String comment = accepted ? StringUtils.stripToNull((String) task.getVariable("reviewComment"))
          : text(task, "reviewComment", "退回重新整改须说明理由");
      transitions.fire(order, accepted ? RectificationEvent.ACCEPT : RectificationEvent.SEND_BACK, comment,
          o -> o.withReview(comment, accepted ? clock.instant() : null));
    }
    for (String field : fields) {
      task.removeVariable(field);
    }
  }

  /** The open answer period's due instant, for the page (null once answered). */
  String dueText(RectificationOrder order) {
    return deadlines.forProcessInstance(order.processInstanceId()).stream()
        .filter(d -> ANSWER.equals(d.taskDefinitionKey()) && d.dueAt() != null).reduce((a, b) -> b)
        .map(d -> DAY.format(d.dueAt())).orElse(null);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new FormRejection(null, message);
    }
  }

  private static String text(DelegateTask task, String field, String message) {
    Object value = task.getVariable(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new FormRejection(field, message);
    }
    if (text.length() > Violations.TEXT_COLUMN) {
      throw new FormRejection(field, field + " 不能超过 " + Violations.TEXT_COLUMN + " 个字符（现为 " + text.length() + " 个）");
    }
    return text.strip();
  }
}
