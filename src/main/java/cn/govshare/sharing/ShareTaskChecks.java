package cn.govshare.sharing;

import cn.govshare.FormRejection;
import cn.govshare.calendar.WorkingCalendar;
import cn.govshare.catalog.CatalogService;
import cn.govshare.catalog.ResourceItem;
import cn.govshare.clock.Zones;
import cn.govshare.org.Caller;
import cn.govshare.org.Groups;
import cn.govshare.policy.ActivePolicy;
import cn.govshare.policy.TimeLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Every completion check of conditional-share-request in one place: who may complete the task (from the
 * request's row, never from a variable), what the form must say (R12, R13: a refusal states its reasons;
 * national 20, 21), and that nothing the platform keeps on the record was rewritten. Each refusal is a
 * {@link FormRejection} (400 naming the field): the task stays open and nothing is written.
 */
@Component
class ShareTaskChecks {

  /** Variables the platform copies from the request for forms and readers: shown, never believed, never changed. */
  private static final Map<String, Function<ShareRequest, Object>> RECORD_COPIES = Map.of(
      "requestId", ShareRequest::id,
      "resourceCode", ShareRequest::resourceCode,
      "providerDept", ShareRequest::providerDept,
      "applicantDept", ShareRequest::applicantDept);
  /** Names that once carried identity, routing or periods (issue 18); the platform sets none of them now. */
  private static final Set<String> RESERVED = Set.of("route", "providerHead", "applicantHead");
  private static final List<String> RESERVED_SUFFIXES = List.of("ReceivedAt", "ExtensionDays");
  /** The form texts of this process; each ends in a VARCHAR(2000) column (outcome_reason, step comment, grant scope). */
  private static final List<String> FREE_TEXT = List.of("checkComment", "denialReason", "grantScope", "missingMaterials",
      "extensionReason", "extensionComment", "applicantHeadComment", "providerHeadComment", "supplement",
      "deliveryNote", "contestReason");
  static final int MAX_TEXT = 2000;

  private final CatalogService catalog;
  private final ActivePolicy policy;
  private final WorkingCalendar calendar;
  private final Clock clock;

  ShareTaskChecks(CatalogService catalog, ActivePolicy policy, WorkingCalendar calendar, Clock clock) {
    this.catalog = catalog;
    this.policy = policy;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Refuses a bad completion of {@code task} of {@code request} by {@code actor} (null: the engine itself). */
  void completing(DelegateTask task, ShareRequest request, AnswerPeriod period, Caller actor) {
    recordUnchanged(task, request);
    lengths(task);
    String applicant = request.applicantDept();
    switch (task.getTaskDefinitionKey()) {
      case "normativeCheck" -> {
        notApplicant(actor, applicant);
        if (!bool(task, "checkPassed", "请填写审查结论")) {
          text(task, "checkComment", "审查不通过须说明理由（R12）");
        }
      }
      case "providerAuthorization" -> {
        member(actor, request.providerDept(), "只有提供部门可以答复此申请（R13）");
        switch (answerAction(task)) {
          case "INCOMPLETE" -> incomplete(task, period);
          case "EXTEND" -> extensionRequest(task, period);
          default -> answer(task, request);
        }
      }
      case "directAuthorization" -> {
        member(actor, Groups.PLATFORM_OPERATORS, "只有共享平台可以直接授权（R15）");
        answer(task, request);
      }
      case "unconditionalShare" -> {
        member(actor, request.providerDept(), "只有提供部门可以答复此申请（《政务数据共享条例》第二十一条）");
        if (!Boolean.TRUE.equals(task.getVariable("approved"))) {
          throw new FormRejection("approved", "无条件共享类数据应当予以共享，请确认共享（《政务数据共享条例》第二十一条）");
        }
        scope(task, request);
        validUntil(task);
      }
      case "applicantHeadSignOff" -> {
        head(actor, applicant);
        if (!bool(task, "applicantHeadApproved", "请填写负责人意见")) {
          text(task, "applicantHeadComment", "不同意须说明理由");
        }
      }
      case "providerHeadSignOff" -> {
        head(actor, request.providerDept());
        if (!bool(task, "providerHeadApproved", "请填写负责人意见")) {
          text(task, "providerHeadComment", "退回须说明理由");
        }
      }
      case "supplementMaterials" -> {
        member(actor, applicant, "只有申请部门可以补充材料或撤回申请");
        if (!Boolean.TRUE.equals(task.getVariable("withdraw"))) {
          text(task, "supplement", "请说明补充的材料");
        }
      }
      case "approveAnswerExtension" -> {
        member(actor, Groups.PLATFORM_OPERATORS, "答复延期须经共享主管部门同意（《政务数据共享条例》第二十一条）");
        if (!bool(task, "extensionApproved", "请填写审批意见")) {
          text(task, "extensionComment", "不同意延期须说明理由");
        }
      }
      case "deliverData" -> {
        member(actor, request.providerDept(), "只有提供部门可以确认交付");
        if (!Boolean.TRUE.equals(task.getVariable("delivered"))) {
          throw new FormRejection("delivered", "数据交付后再确认办结（《政务数据共享条例》第二十二条）");
        }
      }
      case "applicantReview" -> {
        member(actor, applicant, "只有申请部门可以确认或提出异议");
        if (bool(task, "contest", "请选择是否提出异议")) {
          text(task, "contestReason", "提出异议须说明理由（R18）");
        }
      }
      default -> {
      }
    }
  }

  /** Issue 18: a completion that rewrites what the request's row says is refused, whatever door it came through. */
  private static void recordUnchanged(DelegateTask task, ShareRequest request) {
    for (String name : task.getVariableNames()) {
      Function<ShareRequest, Object> copy = RECORD_COPIES.get(name);
      // issue 25: only a record copy's value is compared; looking up every variable's value cost a scope walk each
      Object value = copy == null ? null : task.getVariable(name);
      if (value != null && !String.valueOf(copy.apply(request)).equals(String.valueOf(value))) {
        throw new FormRejection(name, "申请编号、资源和部门以共享申请记录为准，办理时不能修改");
      }
      if (RESERVED.contains(name) || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
        throw new FormRejection(name, "办理人、流转路径和办理期限以共享申请记录为准，不能由表单写入");
      }
    }
  }

  private String answerAction(DelegateTask task) {
    Object value = task.getVariable("answerAction");
    String action = value == null ? "ANSWER" : value.toString();
    String rule = switch (action) {
      case "ANSWER" -> null;
      case "INCOMPLETE" -> "N21-INCOMPLETE";
      case "EXTEND" -> "R13-EXT";
      default -> throw new FormRejection("answerAction", "答复方式须为 ANSWER、INCOMPLETE 或 EXTEND: " + action);
    };
    if (rule != null && !policy.has(rule)) {
      throw new FormRejection("answerAction", "现行办法（" + policy.profile().title() + "）没有此答复方式 " + action);
    }
    return action;
  }

  /** National art. 21: everything missing is listed at once, once, and only while the answer period runs. */
  private void incomplete(DelegateTask task, AnswerPeriod period) {
    if (period.incompleteNotices() > 0) {
      throw new FormRejection("answerAction", "申请材料不齐全的，应当一次性告知；本申请已告知过一次，不能再次告知，"
          + "请作出答复（《政务数据共享条例》第二十一条）");
    }
    if (answerPeriodLapsed(period)) {
      throw new FormRejection("answerAction", "答复期限已过，不能再告知补充材料，请作出答复（《政务数据共享条例》第二十一条）");
    }
    text(task, "missingMaterials", "须一次性列明需要补充的全部材料（第二十一条）");
  }

  private boolean answerPeriodLapsed(AnswerPeriod period) {
    if (period.receivedAt() == null || !policy.limit("R13").timed()) {
      return false;
    }
    Instant due = calendar.due(period.receivedAt(), policy.limit("R13").amount() + period.extensionDays()).dueAt();
    return !clock.instant().isBefore(due);
  }

  private void extensionRequest(DelegateTask task, AnswerPeriod period) {
    TimeLimit limit = policy.limit("R13-EXT");
    int max = limit.amount();
    int left = max - period.extensionDays();
    Object value = task.getVariable("extensionDays");
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new FormRejection("extensionDays", "请填写延长的工作日数");
    }
    int days = number.intValue();
    if (left <= 0) {
      throw new FormRejection("extensionDays", "答复期限已延长" + max + "个工作日，不能再延期（" + limit.citation() + "）");
    }
    if (days < 1 || days > left) {
      throw new FormRejection("extensionDays", "延长的工作日数须在 1.." + left + " 之间（累计不超过" + max + "个工作日，"
          + limit.citation() + "）");
    }
    text(task, "extensionReason", "申请延期须说明理由");
  }

  private void answer(DelegateTask task, ShareRequest request) {
    if (!bool(task, "approved", "请填写审核结论")) {
      text(task, "denialReason", "不予共享须说明理由（R13）");
    } else {
      scope(task, request);
      validUntil(task);
    }
  }

  private void scope(DelegateTask task, ShareRequest request) {
    Object value = task.getVariable("grantScope");
    if (value != null && !(value instanceof String)) {
      throw new FormRejection("grantScope", "授权范围须为以逗号分隔的数据项");
    }
    Set<String> items = catalog.find(request.resourceCode()).map(r -> r.items().stream().map(ResourceItem::name)
        .collect(Collectors.toSet())).orElse(Set.of());
    for (String field : split((String) value)) {
      if (!items.contains(field)) {
        throw new FormRejection("grantScope", "授权范围中的数据项「" + field + "」不在资源 " + request.resourceCode() + " 中");
      }
    }
  }

  private void validUntil(DelegateTask task) {
    Object value = task.getVariable("grantValidUntil");
    if (value != null && !(value instanceof String)) {
      throw new FormRejection("grantValidUntil", "授权有效期须为日期 yyyy-MM-dd");
    }
    LocalDate date = parseDate((String) value);
    if (date != null && !date.isAfter(LocalDate.now(clock.withZone(Zones.SHANGHAI)))) {
      throw new FormRejection("grantValidUntil", "授权有效期须晚于今天");
    }
  }

  private static void head(Caller actor, String department) {
    if (actor != null && !actor.isMember(Groups.head(department))) {
      throw new FormRejection(null, "只有" + department + "部门负责人可以签署此意见（第二十条）");
    }
  }

  private static void member(Caller actor, String group, String message) {
    if (actor != null && !actor.isMember(group) && !actor.belongsTo(group)) {
      throw new FormRejection(null, message);
    }
  }

  private static void notApplicant(Caller actor, String applicantDept) {
    if (actor != null && actor.belongsTo(applicantDept)) {
      throw new FormRejection(null, "申请部门不能审核自己的申请");
    }
  }

  private static boolean bool(DelegateTask task, String name, String message) {
    if (!(task.getVariable(name) instanceof Boolean b)) {
      throw new FormRejection(name, message);
    }
    return b;
  }

  private static void text(DelegateTask task, String name, String message) {
    if (!(task.getVariable(name) instanceof String s) || s.isBlank()) {
      throw new FormRejection(name, message);
    }
  }

  /** Issue 18 class 7: a text longer than the column it ends in is refused, never cut. */
  private static void lengths(DelegateTask task) {
    for (String name : FREE_TEXT) {
      if (task.getVariable(name) instanceof String s && s.length() > MAX_TEXT) {
        throw new FormRejection(name, "不能超过 " + MAX_TEXT + " 个字符");
      }
    }
  }

  static List<String> split(String value) {
    return value == null ? List.of()
        : Arrays.stream(value.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  static LocalDate parseDate(String value) {
    if (StringUtils.isBlank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    } catch (DateTimeParseException e) {
      throw new FormRejection("grantValidUntil", "授权有效期须为日期 yyyy-MM-dd: " + value);
    }
  }
}
