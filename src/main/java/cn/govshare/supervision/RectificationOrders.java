package cn.govshare.supervision;

import cn.govshare.ApiException;
import cn.govshare.deadline.DeadlineBreached;
import cn.govshare.notification.Notifications;
import cn.govshare.org.Caller;
import cn.govshare.org.DepartmentService;
import cn.govshare.org.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification orders (责令改正, R29; jinan 21, county 24, hubei 31, shaoyang 32, nanchang 30, national 39): a
 * supervisor or the general office orders a violation fixed within the profile's limit; the department's head
 * answers; the issuer accepts or sends back. A lapsed order is itself a violation and goes to the body the
 * profile names. The order is written first, then its process (bpmn/rectification-order.bpmn).
 */
@Service
public class RectificationOrders {

  static final String PROCESS = "rectification-order";

  private final RectificationMapper mapper;
  private final RectificationTransitions transitions;
  private final Violations violations;
  private final ViolationMapper violationRows;
  private final DepartmentService departments;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final Clock clock;

  RectificationOrders(RectificationMapper mapper, RectificationTransitions transitions, Violations violations,
      ViolationMapper violationRows, DepartmentService departments, RuntimeService runtime,
      Notifications notifications, Clock clock) {
    this.mapper = mapper;
    this.transitions = transitions;
    this.violations = violations;
    this.violationRows = violationRows;
    this.departments = departments;
    this.runtime = runtime;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** POST /api/rectification-orders: the issuer's role reviews the answer; the limit is the profile's. */
  @Transactional
  public RectificationOrder issue(Caller caller, NewRectificationOrder body) {
    if (!Violations.seesAll(caller)) {
      throw ApiException.forbidden("只有监督人员和办公厅可以责令改正（R29）");
    }
    if (body.violationId() == null) {
      throw ApiException.badRequest("violationId", Violations.RULE, "须指明违规记录");
    }
    Violation violation = violationRows.find(body.violationId());
    if (violation == null) {
      throw ApiException.badRequest("violationId", Violations.RULE, "违规记录不存在: " + body.violationId());
    }
    if (violation.withdrawnAt() != null) {
      throw ApiException.conflict("violationId", "违规记录已撤销，不能责令改正: " + violation.withdrawnReason());
    }
    if (mapper.findByViolation(violation.id()) != null) {
      throw ApiException.conflict("violationId", "该违规记录已责令改正: " + mapper.findByViolation(violation.id())
          .businessKey());
    }
    if (departments.find(violation.department()).isEmpty()) {
      throw ApiException.badRequest("violationId", Violations.RULE, "违规记录的承办方不是部门，无法责令其负责人改正: "
          + violation.department());
    }
    if (StringUtils.isBlank(body.requirement())) {
      throw ApiException.badRequest("requirement", Violations.RULE, "须写明整改要求");
    }
    String requirement = body.requirement().strip();
    if (requirement.length() > Violations.TEXT_COLUMN) {
      throw ApiException.badRequest("requirement", "requirement 不能超过 " + Violations.TEXT_COLUMN + " 个字符（现为 "
          + requirement.length() + " 个）");
    }
    SupervisionRules.Body orderBody = violations.rules().order();
    String group = caller.isSupervisor() ? Groups.SUPERVISORS : Groups.GENERAL_OFFICE;
    RectificationOrder created = transitions.issue(new RectificationOrder(null, violation.id(),
        violation.department(), requirement, caller.userId(), group, orderBody.name(), orderBody.citation(), null,
        clock.instant(), null, null, null, null, null, null, null, null), caller);
    // the start binds the instance to the order (RectificationCases.bind); no variables
    runtime.startProcessInstanceByKey(PROCESS, created.businessKey());
    notifications.notifyGroup(Groups.head(created.department()), "RECTIFICATION", "责令改正：" + violation.kind()
        .chinese(), requirement + "\n依据：" + created.citation(), RectificationTransitions.AUDIT_TYPE,
        String.valueOf(created.id()));
    return mapper.find(created.id());
  }

  /** The orders {@code caller} may read: a department its own, supervisors and the general office all. */
  public List<RectificationOrder> list(Caller caller, String department, RectificationState state) {
    return mapper.search(Violations.scope(caller, StringUtils.stripToNull(department)), state, 5000);
  }

  public RectificationOrder visible(Caller caller, long id) {
    RectificationOrder order = mapper.find(id);
    if (order == null || !(Violations.seesAll(caller) || caller.belongsTo(order.department()))) {
      throw ApiException.notFound("整改记录不存在: " + id);
    }
    return order;
  }

  /**
   * The answer period breached (the ledger's breach, inside its command): the order lapses, is recorded as an
   * ignored order (once per order) and goes to the body the profile names; a step the text lacks is skipped.
   */
  void lapsed(DeadlineBreached breach) {
    Optional<RectificationOrder> found = mapper.findByProcessInstance(breach.processInstanceId());
    if (found.isEmpty()) {
      return;
    }
    RectificationOrder order = found.get();
    Optional<SupervisionRules.Body> escalation = violations.rules().lapseBody();
    if (order.state() == RectificationState.ISSUED) {
      order = transitions.fire(order, RectificationEvent.LAPSE, breach.message(),
          o -> o.withLapse(clock.instant(), escalation.map(SupervisionRules.Body::name).orElse(null)));
    }
    violations.recordBySystem("order:" + order.id(), ViolationKind.IGNORED_ORDER, order.department(),
        new Violations.Evidence("责令改正 " + order.businessKey() + " 逾期未整改：" + order.requirement(),
            RectificationController.PATH + "/" + order.id(), breach.deadlineId(),
            RectificationTransitions.AUDIT_TYPE + "/" + order.id() + " RECTIFICATION_LAPSE"));
    RectificationOrder lapsed = order;
    escalation.ifPresent(body -> notifications.notifyGroup(body.group(), "RECTIFICATION_LAPSED",
        "逾期未整改，报" + body.name() + "：" + lapsed.businessKey(), "部门 " + lapsed.department() + " 未在期限内整改（"
            + breach.message() + "）。整改要求：" + lapsed.requirement() + "\n依据：" + body.citation(),
        RectificationTransitions.AUDIT_TYPE, String.valueOf(lapsed.id())));
  }

  /** Built-in end listener: an order whose process ends unresolved (deleted, cancelled) is closed CANCELLED. */
  void processEnded(DelegateExecution execution) {
    mapper.findByProcessInstance(execution.getProcessInstanceId()).filter(o -> o.state().open())
        .ifPresent(open -> transitions.fire(open, RectificationEvent.CANCEL, "流程已终止",
            o -> o.withReview(o.reviewComment(), clock.instant())));
  }
}
