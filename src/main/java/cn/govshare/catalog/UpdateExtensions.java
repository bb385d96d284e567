package cn.govshare.catalog;

import cn.govshare.FormRejection;
import cn.govshare.audit.AuditTrail;
import cn.govshare.notification.Notifications;
import cn.govshare.org.CallerResolver;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * R6-EXT, 《政务数据共享条例》第十七条: the catalogue update may be extended by up to the profile's
 * {@code R6-EXT} (national: 5 WD) with the authority's consent. The department asks once when it
 * completes {@code updateCatalog} without an entry; the platform (platform-operators) decides in {@code
 * approveUpdateExtension}; approved, the new {@code updateCatalog} task's period counts from the original
 * receipt plus the granted days ({@code updateCatalogExtensionDays}, read by the deadline ledger).
 */
@Component("updateExtensions")
public class UpdateExtensions {

  static final String RULE = "R6-EXT";
  static final String REQUESTED = "updateExtensionRequested";
  static final String DAYS = "updateExtensionDays";
  static final String REASON = "updateExtensionReason";
  static final String APPROVED = "updateExtensionApproved";
  static final String COMMENT = "updateExtensionComment";
  static final String DECIDED = "updateExtensionDecided";
  static final String APPROVER = "updateExtensionApprover";
  /** Read by the deadline ledger as {@code <taskKey>ExtensionDays}. */
  static final String GRANTED = UpdateObligations.TASK + "ExtensionDays";
  /** Shown by the form; set by the system at start from the profile. */
  static final String MAX = "updateExtensionMax";
  static final int MAX_TEXT = 500;

  private final ActivePolicy policy;
  private final CatalogCases cases;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final CallerResolver callers;

  UpdateExtensions(ActivePolicy policy, CatalogCases cases, Notifications notifications, AuditTrail audit,
      CallerResolver callers) {
    this.callers = callers;
    this.policy = policy;
    this.cases = cases;
    this.notifications = notifications;
    this.audit = audit;
  }

  /** Days the profile in force allows (0: no extension in this profile). */
  int allowed() {
    return policy.has(RULE) ? policy.limit(RULE).amount() : 0;
  }

  public boolean requested(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable(REQUESTED));
  }

  public boolean approved(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariable(APPROVED));
  }

  /** Complete listener of {@code updateCatalog}: an entry was submitted, or one valid extension request. */
  void checkCompletion(DelegateTask task) {
    if (!truthy(task.getVariable(REQUESTED), REQUESTED)) {
      UpdateObligations.requireSubmittedEntry(task.getVariable(UpdateObligations.UPDATED_RESOURCE));
      task.setVariable(REQUESTED, false);
      return;
    }
    if (allowed() == 0) {
      throw new FormRejection(REQUESTED, "现行办法（" + policy.profile().title() + "）不允许延期更新目录");
    }
    if (Boolean.TRUE.equals(task.getVariable(DECIDED))) {
      throw new FormRejection(REQUESTED, "目录更新延期只能申请一次（" + policy.limit(RULE).citationText() + "）");
    }
    int days = days(task.getVariable(DAYS));
    if (days < 1 || days > allowed()) {
      throw new FormRejection(DAYS, "延期天数须为 1 至 " + allowed() + " 个工作日（" + policy.limit(RULE).citationText() + "）");
    }
    Object reason = task.getVariable(REASON);
    if (!(reason instanceof String text) || text.isBlank()) {
      throw new FormRejection(REASON, "请说明延期理由");
    }
    if (text.length() > MAX_TEXT) {
      throw new FormRejection(REASON, "延期理由不能超过 " + MAX_TEXT + " 字");
    }
    task.setVariable(REQUESTED, true);
    task.setVariable(DAYS, days);
  }

  /** Complete listener of {@code approveUpdateExtension}: a yes or no, and reasons for a no. */
  public void checkDecision(DelegateTask task) {
    Object value = task.getVariable(APPROVED);
    if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
      throw new FormRejection(APPROVED, "请选择是否同意延期");
    }
    boolean approved = truthy(value, APPROVED);
    Object comment = task.getVariable(COMMENT);
    String text = comment == null ? "" : comment.toString();
    if (!approved && text.isBlank()) {
      throw new FormRejection(COMMENT, "不同意延期时须说明理由");
    }
    if (text.length() > MAX_TEXT) {
      throw new FormRejection(COMMENT, "意见不能超过 " + MAX_TEXT + " 字");
    }
    task.setVariable(APPROVED, approved);
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    task.setVariable(APPROVER, user != null ? user : task.getAssignee() != null ? task.getAssignee() : "platform-operators");
  }

  /** Approved: the granted days (capped by the profile in force now) extend the department's period. */
  public void apply(DelegateExecution execution) {
    UpdateObligation obligation = cases.obligation(execution);
    int days = Math.min(days(execution.getVariable(DAYS)), allowed());
    TimeLimit limit = policy.limit(RULE);
    execution.setVariable(GRANTED, days);
    decided(execution);
    String text = "目录更新延期已获同意：延长 " + days + " 个工作日（" + limit.citationText() + "）";
    notifications.notifyGroup(obligation.department(), "CATALOG_UPDATE", text, text + "。" + obligation.legalChange(),
        "CATALOG_OBLIGATION", String.valueOf(obligation.id()));
    audit.record(callers.resolve(approver(execution)), "CATALOG_UPDATE_EXTENDED", "CATALOG_OBLIGATION", String.valueOf(obligation.id()),
        AuditTrail.OK, text, Set.of(obligation.department()));
  }

  /** Refused: the original period stands; the department is told why. */
  public void refuse(DelegateExecution execution) {
    UpdateObligation obligation = cases.obligation(execution);
    decided(execution);
    String text = "目录更新延期未获同意，请按原期限更新目录";
    notifications.notifyGroup(obligation.department(), "CATALOG_UPDATE", text,
        text + "。意见：" + execution.getVariable(COMMENT), "CATALOG_OBLIGATION", String.valueOf(obligation.id()));
    audit.record(callers.resolve(approver(execution)), "CATALOG_UPDATE_EXTENSION_REFUSED", "CATALOG_OBLIGATION",
        String.valueOf(obligation.id()), AuditTrail.OK, text + "：" + execution.getVariable(COMMENT),
        Set.of(obligation.department()));
  }

  private static void decided(DelegateExecution execution) {
    execution.setVariable(DECIDED, true);
    execution.setVariable(REQUESTED, false);
  }

  private static String approver(DelegateExecution execution) {
    Object approver = execution.getVariable(APPROVER);
    return approver == null ? "system" : approver.toString();
  }

  private static boolean truthy(Object value, String field) {
    if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
      return false;
    }
    if (Boolean.TRUE.equals(value) || "true".equals(value)) {
      return true;
    }
    throw new FormRejection(field, "须为 true 或 false");
  }

  private static int days(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 1000) {
      return number.intValue();
    }
    if (value instanceof String text && text.strip().matches("-?\\d{1,3}")) {
      return Integer.parseInt(text.strip());
    }
    throw new FormRejection(DAYS, "延期天数须为整数");
  }
}
