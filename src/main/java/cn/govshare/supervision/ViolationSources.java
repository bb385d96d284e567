package cn.govshare.supervision;

import cn.govshare.CaseRef;
import cn.govshare.clock.Zones;
import cn.govshare.correction.DataErrorCorrected;
import cn.govshare.deadline.DeadlineBreachWithdrawn;
import cn.govshare.deadline.DeadlineBreached;
import cn.govshare.deadline.DeadlinesBreached;
import cn.govshare.notification.Notifications;
import cn.govshare.sharing.CallRefused;
import cn.govshare.sharing.GrantWithdrawn;
import cn.govshare.trust.CaseAudit;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * What the system records in the register from GovShare's own records (R29), each inside the transaction that
 * produced it: a breached deadline (a catalogue update's is a late catalogue, a rectification order's an ignored
 * order), a correction that found an error, a grant withdrawn for misuse, and calls refused for use beyond the
 * grant once they reach {@code govshare.supervision.refused-calls-per-month} in a month. Breach reports (R27) go
 * to the body the profile names.
 */
@Component
class ViolationSources {

  /** Catalogue updates after a law or duty change (R6, catalog-update): a breach is a late catalogue. */
  static final String CATALOGUE_RULE = "R6";
  private static final Map<String, String> CASE_PATHS = Map.of("share-request", "/api/share-requests/",
      "correction", "/api/corrections/", "dispute", "/api/disputes/");

  private final Violations violations;
  private final RectificationOrders orders;
  private final ViolationMapper mapper;
  private final CaseAudit cases;
  private final Notifications notifications;
  private final Clock clock;
  private final int refusedCallsPerMonth;

  ViolationSources(Violations violations, RectificationOrders orders, ViolationMapper mapper, CaseAudit cases,
      Notifications notifications, Clock clock,
      @Value("${govshare.supervision.refused-calls-per-month:10}") int refusedCallsPerMonth) {
    this.violations = violations;
    this.orders = orders;
    this.mapper = mapper;
    this.cases = cases;
    this.notifications = notifications;
    this.clock = clock;
    this.refusedCallsPerMonth = refusedCallsPerMonth;
  }

  @EventListener
  void breached(DeadlineBreached breach) {
    breached(new DeadlinesBreached(List.of(breach)));
  }

  /**
   * A breach batch (issue 25): each breach's report, and its register entry with audit record and notice (a lapsed
   * rectification order's as before), the batch's rows of each kind written together.
   */
  @EventListener
  void breached(DeadlinesBreached batch) {
    notifications.notifyGroups(batch.breaches().stream().map(this::report).toList());
    List<DeadlineBreached> registered = new ArrayList<>();
    for (DeadlineBreached breach : batch.breaches()) {
      if (RectificationOrders.PROCESS.equals(breach.processDefinitionKey())) {
        orders.lapsed(breach);
      } else {
        registered.add(breach);
      }
    }
    Map<String, CaseRef> cases = registered.isEmpty() ? Map.of()
        : this.cases.casesOf(registered.stream().filter(breach -> breach.processInstanceId() != null)
            .collect(Collectors.toMap(DeadlineBreached::processInstanceId,
                breach -> breach.processDefinitionKey() == null ? "" : breach.processDefinitionKey(), (a, b) -> a)));
    violations.recordAllBySystem(registered.stream().map(breach -> finding(breach, cases)).toList());
  }

  private static Violations.Finding finding(DeadlineBreached breach, Map<String, CaseRef> cases) {
    ViolationKind kind = breach.rule().equals(CATALOGUE_RULE) || breach.rule().startsWith(CATALOGUE_RULE + "-")
        ? ViolationKind.LATE_CATALOGUE : ViolationKind.BREACHED_LIMIT;
    String department = breach.department() == null ? "-" : breach.department();
    return new Violations.Finding("deadline:" + breach.deadlineId(), kind, department, new Violations.Evidence(
        breach.message() + "（" + breach.citation() + "）" + (breach.businessKey() == null ? "" : "，案件 "
            + breach.businessKey()), caseLink(cases.get(breach.processInstanceId())), breach.deadlineId(),
        "DEADLINE/" + breach.deadlineId() + " 超期；流程实例 " + breach.processInstanceId()));
  }

  @EventListener
  void withdrawn(DeadlineBreachWithdrawn withdrawn) {
    violations.withdraw("deadline:" + withdrawn.deadlineId(), withdrawn.reason());
  }

  @EventListener
  void corrected(DataErrorCorrected corrected) {
    violations.recordBySystem("correction:" + corrected.correctionId(), ViolationKind.DATA_MISMATCH,
        corrected.providerDept(), new Violations.Evidence("疑义校核 " + corrected.businessKey() + " 核实数据有误并已更正（"
            + corrected.resourceCode() + "）：" + corrected.note(), "/api/corrections/" + corrected.correctionId(), null,
            "CORRECTION/" + corrected.correctionId() + " CORRECTION_CORRECT"));
  }

  @EventListener
  void grantWithdrawn(GrantWithdrawn withdrawn) {
    violations.recordBySystem("grant:" + withdrawn.grantId() + ":" + withdrawn.status(), ViolationKind.MISUSE,
        withdrawn.department(), new Violations.Evidence("提供部门 " + withdrawn.providerDept() + " 因违规使用"
            + ("SUSPENDED".equals(withdrawn.status().name()) ? "暂停" : "终止") + "提供 " + withdrawn.resourceCode()
            + "（授权 " + withdrawn.grantId() + "）：" + withdrawn.reason(), "/api/grants?dept=" + withdrawn.department()
            + "&resource=" + withdrawn.resourceCode(), null, "GRANT/" + withdrawn.grantId() + " GRANT_"
            + withdrawn.status() + " by " + withdrawn.actor()));
  }

  /** R20: calls beyond a held grant's purpose or scope, counted per department, resource and month. */
  @EventListener
  void callRefused(CallRefused refused) {
    String month = YearMonth.now(clock.withZone(Zones.SHANGHAI)).toString();
    if (mapper.addRefused(refused.department(), refused.resourceCode(), month) == 0) {
      try {
        mapper.insertRefused(refused.department(), refused.resourceCode(), month);
      } catch (DuplicateKeyException raced) {
        mapper.addRefused(refused.department(), refused.resourceCode(), month);
      }
    }
    Integer count = mapper.refused(refused.department(), refused.resourceCode(), month);
    if (count != null && count >= refusedCallsPerMonth) {
      violations.recordBySystem("calls:" + refused.department() + ":" + refused.resourceCode() + ":" + month,
          ViolationKind.MISUSE, refused.department(), new Violations.Evidence(month + " 超出授权用途或范围调用 "
              + refused.resourceCode() + " 被拒绝达 " + refusedCallsPerMonth + " 次（最近一次：" + refused.reason() + "）",
              "/api/grants?dept=" + refused.department() + "&resource=" + refused.resourceCode(), null,
              "GRANT_CHECK REJECTED " + refused.department() + " " + refused.resourceCode() + " " + month));
    }
  }

  /** R27: the breach report goes to the body the profile names (hubei 26: 报请领导小组办公室 …). */
  private Notifications.GroupNotice report(DeadlineBreached breach) {
    SupervisionRules.Body body = violations.rules().breachReport();
    String text = breach.message() + "\n依据：" + breach.citation() + "\n流程实例 " + breach.processInstanceId()
        + (breach.businessKey() == null ? "" : " (" + breach.businessKey() + ")") + "，承办: "
        + (breach.department() == null ? "-" : breach.department()) + "\n报" + body.name() + "（" + body.citation()
        + "）";
    return new Notifications.GroupNotice(body.group(), DeadlineBreached.REPORT_CATEGORY, breach.message(), text,
        "deadline", String.valueOf(breach.deadlineId()));
  }

  private static String caseLink(CaseRef found) {
    return found != null && CASE_PATHS.containsKey(found.type()) ? CASE_PATHS.get(found.type()) + found.id() : null;
  }
}
